import { PassThrough, Readable } from 'node:stream';
import type { IntentRequest, RequestEnvelope, SessionEndedRequest } from 'ask-sdk-model';
import { runConsoleLoop } from '../../scripts/console/console-loop';
import { VoiceConsole, type ConsoleTurn } from '../../scripts/console/voice-console';
import { fixtureModel } from './fixture-model';
import { manualClock, recordingSkill, speech } from './fake-skill-harness';

function createConsole(replies: Parameters<typeof recordingSkill>[0] = [speech('Welcome. <break time="1s"/> Which routine?', { reprompt: 'Say legs.', cardTitle: 'Coach' })]) {
  const clock = manualClock();
  const skill = recordingSkill(replies, { clock });
  const voice = new VoiceConsole({ model: fixtureModel(), invoke: skill.invoke, clock });
  return { voice, skill, clock };
}

const texts = (turn: ConsoleTurn): string[] => turn.lines.map((line) => line.text);
const intentOf = (envelope: RequestEnvelope | undefined): string | undefined =>
  (envelope?.request as IntentRequest | undefined)?.intent?.name;

describe('VoiceConsole', () => {
  it('launches on "open <invocation name>" and prints what Alexa says', async () => {
    const { voice, skill } = createConsole();
    const turn = await voice.handleLine('open range of motion coach');
    expect(skill.received[0]?.request.type).toBe('LaunchRequest');
    expect(texts(turn)).toEqual([
      '→ LaunchRequest (at 09:00:00, new session)',
      'Alexa: Welcome. [pause 1s] Which routine?',
      '(reprompt: Say legs.)',
      '[card: Coach]',
    ]);
    expect(voice.conversation.sessionOpen).toBe(true);
  });

  it('resolves utterances in the open session and shows the slots it filled', async () => {
    const { voice, skill } = createConsole();
    await voice.handleLine('open range of motion coach');
    const turn = await voice.handleLine('start the lower body routine');
    expect(intentOf(skill.received[1])).toBe('StartRoutineIntent');
    expect(skill.received[1]?.session?.new).toBe(false);
    expect(texts(turn)[0]).toMatch(/^→ StartRoutineIntent routine="lower body"→legs \(at 09:00:0\d\)$/);
  });

  it('hints instead of calling the skill when no session is open', async () => {
    const { voice, skill } = createConsole();
    const turn = await voice.handleLine('next');
    expect(skill.received).toHaveLength(0);
    expect(turn.lines).toEqual([{ tone: 'hint', text: expect.stringContaining('open range of motion coach') }]);
  });

  it('/end times the microphone out: a SessionEndedRequest and a closed session', async () => {
    const { voice, skill } = createConsole();
    await voice.handleLine('open range of motion coach');
    const turn = await voice.handleLine('/end');
    expect(skill.received[1]?.request).toMatchObject({ type: 'SessionEndedRequest', reason: 'EXCEEDED_MAX_REPROMPTS' });
    expect(texts(turn)).toContain('(the microphone timed out: Alexa ends the session)');
    expect(voice.conversation.sessionOpen).toBe(false);
    expect(texts(await voice.handleLine('/end'))).toEqual(['No session is open.']);
  });

  it('sends a one-shot as an IntentRequest in a new session', async () => {
    const { voice, skill } = createConsole([speech('Starting.', { end: true })]);
    const turn = await voice.handleLine('ask range of motion coach to start the legs routine');
    const envelope = skill.received[0];
    expect(envelope?.session?.new).toBe(true);
    expect(intentOf(envelope)).toBe('StartRoutineIntent');
    expect((envelope?.request as IntentRequest).intent.slots?.routine?.value).toBe('legs');
    expect(texts(turn)).toEqual([expect.stringContaining('new session'), 'Alexa: Starting.', '(session ended)']);
  });

  it('re-invoking mid-session closes the old session first', async () => {
    const { voice, skill } = createConsole();
    await voice.handleLine('open range of motion coach');
    await voice.handleLine('open range of motion coach');
    expect(skill.received.map((e) => e.request.type)).toEqual(['LaunchRequest', 'SessionEndedRequest', 'LaunchRequest']);
    expect((skill.received[1]?.request as SessionEndedRequest).reason).toBe('USER_INITIATED');
    expect(skill.received[2]?.session?.sessionId).not.toBe(skill.received[0]?.session?.sessionId);
  });

  it('"exit" is Alexa closing the session, not an intent', async () => {
    const { voice, skill } = createConsole();
    await voice.handleLine('open range of motion coach');
    await voice.handleLine('Alexa, exit');
    expect((skill.received[1]?.request as SessionEndedRequest).reason).toBe('USER_INITIATED');
    expect(voice.conversation.sessionOpen).toBe(false);
  });

  it('sends unmatched speech to AMAZON.FallbackIntent', async () => {
    const { voice, skill } = createConsole();
    await voice.handleLine('open range of motion coach');
    const turn = await voice.handleLine('what is the weather');
    expect(intentOf(skill.received[1])).toBe('AMAZON.FallbackIntent');
    expect(texts(turn)[0]).toMatch(/^\(nothing matched/);
  });

  it('/wait and /barge move the simulated clock', async () => {
    const { voice, skill } = createConsole([speech('<break time="10s"/><break time="10s"/>')]);
    await voice.handleLine('open range of motion coach');
    expect(texts(await voice.handleLine('/barge 4 pause'))[0]).toBe('→ AMAZON.PauseIntent (at 09:00:04)');
    expect(texts(await voice.handleLine('/wait 1h'))).toEqual(['(3600s pass)']);
    await voice.handleLine('resume');
    expect(skill.received[2]?.request.timestamp).toBe('2025-03-01T10:00:24Z');
  });

  it('says plainly when the skill fails or its speech would be rejected', async () => {
    const { voice } = createConsole([
      speech('Tom & Jerry <break time="20s"/>'),
      () => {
        throw new Error('table missing');
      },
    ]);
    const first = await voice.handleLine('open range of motion coach');
    expect(first.lines.filter((line) => line.tone === 'warning').map((line) => line.text)).toEqual([
      expect.stringContaining('&amp;'),
      expect.stringContaining('20s break'),
    ]);
    const second = await voice.handleLine('next');
    expect(texts(second)).toEqual([
      '→ AMAZON.NextIntent (at 09:00:20)',
      'The skill failed: Error: table missing',
      'Alexa: "There was a problem with the requested skill\'s response."',
      '(session ended)',
    ]);
  });

  it('/quit and end of input close an open session as a microphone timeout', async () => {
    const { voice, skill } = createConsole();
    await voice.handleLine('open range of motion coach');
    const turn = await voice.handleLine('/quit');
    expect(turn.quit).toBe(true);
    expect(skill.received[1]?.request.type).toBe('SessionEndedRequest');
    expect((await voice.finish()).exchanges).toHaveLength(0);
  });

  it('answers /help and rejects unknown commands', async () => {
    const { voice } = createConsole();
    expect(texts(await voice.handleLine('/help')).join('\n')).toContain('/end');
    expect((await voice.handleLine('/nope')).lines[0]?.tone).toBe('error');
  });
});

describe('runConsoleLoop', () => {
  it('reads a script line by line, echoes each utterance, and ends the session at end of input', async () => {
    const { voice, skill } = createConsole([
      (envelope) => {
        if (envelope.request.type === 'LaunchRequest') return speech('Welcome.');
        if (intentOf(envelope) === 'SummaryIntent') return speech('Summary.', { end: true });
        return speech('Starting legs.', { attributes: { started: true } });
      },
    ]);
    const input = Readable.from([
      '# a comment\n',
      'open range of motion coach\n',
      '\n',
      'start the legs routine\n',
      '/end\n',
      'next\n',
      'ask range of motion coach how did we do\n',
      'open range of motion coach\n',
    ]);
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
    await runConsoleLoop({ console: voice, input, output, interactive: false });

    expect(skill.received.map((e) => e.request.type)).toEqual([
      'LaunchRequest',
      'IntentRequest',
      'SessionEndedRequest',
      'IntentRequest',
      'LaunchRequest',
      'SessionEndedRequest',
    ]);
    expect(skill.received[3]?.session?.new).toBe(true);
    const lines = printed.split('\n');
    expect(lines.filter((line) => line.startsWith('> '))).toEqual([
      '> open range of motion coach',
      '> start the legs routine',
      '> /end',
      '> next',
      '> ask range of motion coach how did we do',
      '> open range of motion coach',
    ]);
    expect(printed).not.toContain('# a comment');
    expect(printed).toContain('Alexa: Starting legs.');
    expect(printed).toContain('(the microphone timed out: Alexa ends the session)');
    expect(printed).not.toMatch(/\x1b\[/);
  });

  it('stops at /quit without reading further', async () => {
    const { voice, skill } = createConsole();
    const input = Readable.from(['open range of motion coach\n', '/quit\n', 'open range of motion coach\n']);
    const output = new PassThrough();
    output.resume();
    await runConsoleLoop({ console: voice, input, output, interactive: false });
    expect(skill.received.map((e) => e.request.type)).toEqual(['LaunchRequest', 'SessionEndedRequest']);
  });
});
