// Reads utterances (a prompt on a terminal, one per line from a pipe or file) and prints the replies.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { OutputLine, OutputTone, VoiceConsole } from './voice-console';

export type ConsoleLoopOptions = {
  console: VoiceConsole;
  input: Readable;
  output: Writable;
  /** A terminal: prompt and line editing. Otherwise a script: blank and # lines skipped, each line echoed. */
  interactive: boolean;
  color?: boolean;
};

export const PROMPT = 'caregiver> ';

export async function runConsoleLoop(options: ConsoleLoopOptions): Promise<void> {
  const { console: voice, input, output, interactive } = options;
  const color = options.color ?? false;
  const print = (lines: readonly OutputLine[]): void => {
    for (const line of lines) output.write(`${formatLine(line, color)}\n`);
  };

  const reader = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, prompt: PROMPT });
  // Ctrl-C at the prompt leaves like end of input, so dynalite is closed properly.
  reader.on('SIGINT', () => reader.close());
  print(voice.greeting());
  if (interactive) reader.prompt();
  try {
    for await (const rawLine of reader) {
      const line = rawLine.trim();
      if (!interactive) {
        if (line === '' || line.startsWith('#')) continue;
        output.write(`> ${line}\n`);
      }
      const result = await voice.handleLine(line);
      print(result.lines);
      if (result.quit) return;
      if (interactive) reader.prompt();
    }
    print((await voice.finish()).lines);
  } finally {
    reader.close();
  }
}

const STYLE: Record<OutputTone, [string, string]> = {
  request: ['\x1b[2m', '\x1b[22m'],
  speech: ['\x1b[1m', '\x1b[22m'],
  reprompt: ['\x1b[2m', '\x1b[22m'],
  card: ['\x1b[2m', '\x1b[22m'],
  status: ['\x1b[2m', '\x1b[22m'],
  hint: ['\x1b[36m', '\x1b[39m'],
  warning: ['\x1b[33m', '\x1b[39m'],
  error: ['\x1b[31m', '\x1b[39m'],
};

export function formatLine(line: OutputLine, color: boolean): string {
  const text = line.tone === 'warning' ? `warning: ${line.text}` : line.text;
  if (!color) return text;
  const [open, close] = STYLE[line.tone];
  return `${open}${text}${close}`;
}
