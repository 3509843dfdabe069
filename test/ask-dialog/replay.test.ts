// test/ask-dialog/replay-en-US.json is for `ask dialog --replay` against the deployed skill. The same
// lines are played here against the local skill first, so the file always covers what it claims:
// launch, help, a set, pause and resume, fallback, pain, emergency, one-shots, cancel and stop.
// Silence cannot be replayed (ask-cli refuses an empty line and the simulator never times out), so the
// reprompt path is checked here instead: every answer that leaves the microphone open has a reprompt.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringsFor } from '../../lambda/speech/locale-strings';
import { openDialog, type Reply } from '../support/dialog';

type ReplayFile = { skillId: string; locale: string; type: string; userInput: string[] };
const replay = JSON.parse(readFileSync(path.join(__dirname, 'replay-en-US.json'), 'utf8')) as ReplayFile;
const strings = stringsFor('en-US');

// What each line must get, by the line. The deliberate nonsense line is the only fallback.
const FALLBACK_LINE = 'purple elephants are dancing on the roof';
type Expect = { intent: string | null; open: boolean; newSession?: boolean; says?: RegExp };
const EXPECTED: Record<string, Expect> = {
  'open range of motion coach': { intent: null, open: true, newSession: true },
  help: { intent: 'AMAZON.HelpIntent', open: true, says: /next/i },
  'start the leg exercises': { intent: 'StartRoutineIntent', open: true, says: /leg/i },
  ready: { intent: 'ReadyIntent', open: true, says: /that's the set/i },
  next: { intent: 'AMAZON.NextIntent', open: true },
  pause: { intent: 'AMAZON.PauseIntent', open: false, says: /saved/i },
  resume: { intent: 'AMAZON.ResumeIntent', open: true },
  repeat: { intent: 'AMAZON.RepeatIntent', open: true },
  [FALLBACK_LINE]: { intent: 'AMAZON.FallbackIntent', open: true, says: new RegExp(strings.notUnderstood.replace(/[.?]/g, '\\$&')) },
  'that hurts': { intent: 'ReportPainIntent', open: true, says: /stop the movement/i },
  "she can't breathe": { intent: 'EmergencyIntent', open: false, says: /call nine one one/i },
  'ask range of motion coach to start the arm exercises': { intent: 'StartRoutineIntent', open: true, newSession: true },
  'start over': { intent: 'AMAZON.StartOverIntent', open: true, says: /arm/i },
  cancel: { intent: 'AMAZON.CancelIntent', open: false },
  'ask range of motion coach for a summary': { intent: 'SummaryIntent', open: false, newSession: true, says: /today/i },
  stop: { intent: 'AMAZON.StopIntent', open: false },
};

describe('the ask dialog replay file', () => {
  it('has the shape ask-cli reads: skillId, locale, type text, non-blank lines', () => {
    expect(replay.skillId).toMatch(/^amzn1\.ask\.skill\.[0-9a-f-]+$/); // npm run deploy writes a copy with the real id
    expect(replay.locale).toBe('en-US');
    expect(replay.type).toBe('text');
    for (const line of replay.userInput) {
      expect(line.trim()).toBe(line);
      expect(line).not.toBe('');
    }
    expect(replay.userInput.at(-1)).toBe('.quit');
  });

  it('covers launch, help, stop, cancel, fallback, pause and resume, one-shots, pain and emergency', () => {
    const lines = new Set(replay.userInput);
    for (const line of Object.keys(EXPECTED)) expect(lines).toContain(line);
    expect(replay.userInput.filter((line) => line === 'open range of motion coach').length).toBeGreaterThanOrEqual(3);
  });

  it('plays against the local skill with the answers each line is there for', async () => {
    const alexa = await openDialog();
    const replies: Array<{ line: string; reply: Reply }> = [];
    for (const line of replay.userInput.filter((l) => !l.startsWith('.'))) {
      replies.push({ line, reply: await alexa.say(line) });
    }

    for (const { line, reply } of replies) {
      const expected = EXPECTED[line];
      if (expected === undefined) throw new Error(`no expectation for replay line "${line}"`);
      const seen = { line, intent: reply.intent, open: reply.open };
      expect(seen).toEqual({ line, intent: expected.intent, open: expected.open });
      if (expected.newSession === true) expect(reply.exchange.envelope.session?.new).toBe(true);
      if (expected.says !== undefined) expect({ line, text: reply.text }).toEqual({ line, text: expect.stringMatching(expected.says) });
      if (line !== FALLBACK_LINE) expect({ line, text: reply.text }).not.toEqual({ line, text: expect.stringContaining(strings.notUnderstood) });
      expect(reply.text).not.toContain(strings.errorApology);
      // Silence: whenever the microphone stays open, a reprompt follows.
      if (reply.open) expect({ line, reprompt: reply.reprompt }).toEqual({ line, reprompt: expect.any(String) });
    }
    expect(alexa.logs.filter((log) => log.level === 'error')).toEqual([]);

    // Relaunching within 30 minutes of the pause goes straight back to the step in progress.
    const pauseAt = replies.findIndex(({ line }) => line === 'pause');
    const relaunch = replies[pauseAt + 1];
    const beforePause = replies[pauseAt - 1];
    expect(relaunch?.line).toBe('open range of motion coach');
    const stepName = /^(.+?, (?:their )?(?:right|left) (?:leg|arm))\./i.exec(beforePause?.reply.text ?? '')?.[1];
    expect(stepName).toBeDefined();
    expect(relaunch?.reply.text).toContain(stepName);
  });
});
