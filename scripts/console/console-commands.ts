// The console's slash commands, which stand in for what a caregiver does without speaking.
export type ConsoleCommand =
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'end' }
  | { kind: 'wait'; ms: number }
  | { kind: 'barge'; ms: number; utterance: string }
  | { kind: 'invalid'; message: string };

export const COMMAND_HELP: readonly string[] = [
  'Say "open <skill>" to start, "ask <skill> to <request>" for a one-shot, then talk as you would to an Echo.',
  '/end               stay silent: the microphone times out (SessionEndedRequest, EXCEEDED_MAX_REPROMPTS)',
  '/wait <time>       let time pass before the next request, e.g. /wait 90s, /wait 2h, /wait 1d',
  '/barge <s> <text>  say <text> over the last response, <s> seconds into it ("Alexa, pause")',
  '/help              this list',
  '/quit              leave (an open session ends as if the microphone timed out)',
  '"exit" ends the session as Alexa does (USER_INITIATED); "stop" and "cancel" go to the skill.',
];

export function parseCommand(line: string): ConsoleCommand {
  const [word = '', ...rest] = line.trim().split(/\s+/);
  switch (word.toLowerCase()) {
    case '/help':
    case '/?':
      return { kind: 'help' };
    case '/quit':
    case '/exit':
      return { kind: 'quit' };
    case '/end':
      return { kind: 'end' };
    case '/wait': {
      const ms = parseDuration(rest.join(''));
      if (ms === undefined) return { kind: 'invalid', message: 'usage: /wait <time>, e.g. /wait 90s or /wait 2h' };
      return { kind: 'wait', ms };
    }
    case '/barge': {
      const [offset = '', ...words] = rest;
      const ms = parseDuration(offset);
      if (ms === undefined || words.length === 0) {
        return { kind: 'invalid', message: 'usage: /barge <seconds> <utterance>, e.g. /barge 12 pause' };
      }
      return { kind: 'barge', ms, utterance: words.join(' ') };
    }
    default:
      return { kind: 'invalid', message: `unknown command ${word}; /help lists them` };
  }
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90" (seconds), "90s", "1.5m", "2h", "1d" in milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|min|h|d)?$/i.exec(text.trim());
  if (!match) return undefined;
  const unit = UNIT_MS[(match[2] ?? 's').toLowerCase()];
  return unit === undefined ? undefined : Math.round(Number(match[1]) * unit);
}
