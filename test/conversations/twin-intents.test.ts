// The custom twins of the built-in intents (lambda/intents.ts TWIN_OF_BUILT_IN): Amazon matches samples added to a
// built-in only word for word, so the phrasings that must generalise live on custom intents. Each twin must be the
// same request to the skill as its built-in: the same engine event, and through the real handler, mid-routine,
// the same answer.
import type { RequestEnvelope } from 'ask-sdk-model';
import { eventForIntent } from '../../lambda/handlers/intent-events';
import { INTENTS, TWIN_OF_BUILT_IN, type IntentName } from '../../lambda/intents';
import { openDialog, type Dialog } from '../support/dialog';

const TWINS = Object.entries(TWIN_OF_BUILT_IN) as Array<[IntentName, IntentName]>;

/** A sample of the twin, and one of Amazon's own phrases for the built-in. */
const SAID: Record<string, { twin: string; builtIn: string }> = {
  [INTENTS.nextStep]: { twin: 'move on to another exercise', builtIn: 'next' },
  [INTENTS.goBack]: { twin: 'go back a step', builtIn: 'go back' },
  [INTENTS.repeatThat]: { twin: 'tell me again', builtIn: 'repeat' },
  [INTENTS.startAgain]: { twin: 'take it from the top', builtIn: 'start over' },
  [INTENTS.pauseRoutine]: { twin: 'give me a sec', builtIn: 'pause' },
  [INTENTS.carryOn]: { twin: "let's resume", builtIn: 'resume' },
  [INTENTS.agree]: { twin: 'sounds good', builtIn: 'yes' },
  [INTENTS.helpMe]: { twin: "i'm stuck", builtIn: 'help' },
  [INTENTS.goodbye]: { twin: 'see you tomorrow', builtIn: 'stop' },
};

const envelope = (name: string): RequestEnvelope =>
  ({ request: { type: 'IntentRequest', requestId: 'r', timestamp: '2026-12-01T15:00:00Z', locale: 'en-US', intent: { name, confirmationStatus: 'NONE', slots: {} } } }) as unknown as RequestEnvelope;

async function midRoutine(): Promise<Dialog> {
  const alexa = await openDialog();
  await alexa.say('open range of motion coach');
  await alexa.say('start the leg exercises');
  await alexa.say('ready');
  return alexa;
}

describe('the custom twins of the built-in intents', () => {
  it('covers every twin, each standing in for a built-in', () => {
    expect(TWINS.map(([twin]) => twin).sort()).toEqual(Object.keys(SAID).sort());
    for (const [twin, builtIn] of TWINS) {
      expect(twin.startsWith('AMAZON.')).toBe(false);
      expect(builtIn.startsWith('AMAZON.')).toBe(true);
    }
  });

  it.each(TWINS)('%s sends the very engine event of %s', (twin, builtIn) => {
    expect(eventForIntent(twin, envelope(twin))).toEqual(eventForIntent(builtIn, envelope(builtIn)));
  });

  it.each(TWINS)('%s, heard mid-routine, gets the answer %s gets', async (twin, builtIn) => {
    const said = SAID[twin];
    if (said === undefined) throw new Error(`no phrasing for ${twin}`);
    const [viaTwin, viaBuiltIn] = [await midRoutine(), await midRoutine()];
    const a = await viaTwin.say(said.twin);
    const b = await viaBuiltIn.say(said.builtIn);
    expect([a.intent, b.intent]).toEqual([twin, builtIn]);
    expect(a.text).toBe(b.text);
    expect(a.open).toBe(b.open);
  });
});
