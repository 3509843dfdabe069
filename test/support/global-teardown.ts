// Closes the dynalite server that global-setup started.
export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __DYNALITE__?: { close(): Promise<void> } }).__DYNALITE__?.close();
}
