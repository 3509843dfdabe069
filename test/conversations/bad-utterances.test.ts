// Bad input typed mid-routine: an empty line, a 500-character line, digits and symbols, another language. Each
// reaches the fallback, which answers briefly that it did not catch that and keeps listening; nothing crashes
// and the stored progress does not change.
import { openDialog } from '../support/dialog';

const BAD = [
  ['an empty line', ' '],
  ['500 characters', 'blah '.repeat(100)],
  ['digits and symbols', '1234 #$%^&* 5678 !!! ???'],
  ['French', 'où est la gare, s’il vous plaît'],
  ['Hindi', 'आज मौसम कैसा है'],
  ['Spanish', 'quiero escuchar música por favor'],
] as const;

describe('bad input mid-routine', () => {
  it('goes to the fallback with a short answer, keeps listening and leaves the progress alone', async () => {
    const alexa = await openDialog();
    await alexa.say('open range of motion coach');
    await alexa.say('start the leg exercises');
    await alexa.say('ready');
    const before = await alexa.store.load(alexa.userKey);
    for (const [what, said] of BAD) {
      const reply = await alexa.say(said);
      expect({ what, intent: reply.intent, open: reply.open }).toEqual({ what, intent: 'AMAZON.FallbackIntent', open: true });
      expect(reply.text).toMatch(/didn't catch/i);
      expect(reply.text.length).toBeLessThan(400);
    }
    // Only the time of the last turn moves (the engine's clock for relaunch); the place in the routine does not.
    const progressOf = (state: unknown) => ({ ...(state as Record<string, unknown>), lastTurnAtMs: undefined });
    const after = await alexa.store.load(alexa.userKey);
    expect(before?.state).toBeDefined();
    expect(progressOf(after?.state)).toEqual(progressOf(before?.state));
  });
});
