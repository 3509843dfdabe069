// The entry of a command-line script: its exit code, or the error's message (never a stack) and 1.
export function runScript(main: () => number): void {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
