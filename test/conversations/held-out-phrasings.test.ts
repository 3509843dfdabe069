// The console, mid-routine, typed held-out phrasings one by one (every eighth en-US row of the frozen held-out
// corpus, 30 in all, none of them chosen by how it resolves): each reaches the skill as its intent and gets
// that intent's behaviour. Asserted on meaning: a pain report stops the movement, an emergency says to call the emergency number and
// ends the session, stop ends it, the fallback says briefly what it did not catch and keeps listening.
import { INTENTS } from '../../lambda/intents';
import { kindOf } from '../corpus/evaluate';
import { HELD_OUT_CORPUS } from '../corpus/held-out/held-out';
import { openDialog, type Dialog, type Reply } from '../support/dialog';


/**
 * The spot-check's misses, kept in view rather than hidden (a fix or a new miss changes this list). As of issue 12's
 * third round: ending early asked in other words and a summary "overall" (when she last could not finish, missed
 * in the second round, now resolves: the last early stop got samples from training rows of its own). Not used to
 * revise samples: the held-out corpus is only measured.
 */
const KNOWN_MISSES = [
  '"we have to cut it short today": EndEarlyIntent heard as CarryOnIntent',
  '"how is she doing overall": SummaryIntent heard as AgreeIntent',
  // Since "say that again" and "do it again" became two intents (issue 11); the samples are not revised against it.
  '"when was the last time she couldnt finish": LastStoppedEarlyIntent heard as RepeatThatIntent',
];

const PHRASINGS = HELD_OUT_CORPUS.filter((e) => e.locale === 'en-US').filter((_, i) => i % 8 === 0).slice(0, 30);

async function midRoutine(alexa: Dialog): Promise<void> {
  await alexa.say('open range of motion coach');
  await alexa.say('start the leg exercises');
  await alexa.say('ready');
}

function behavesAs(intent: string, reply: Reply): void {
  expect(reply.text.length).toBeGreaterThan(0);
  if (intent === INTENTS.emergency) {
    expect(reply.open).toBe(false);
    expect(reply.text).toMatch(/call nine one one/i);
  } else if (intent === INTENTS.reportPain) {
    expect(reply.text).toMatch(/stop|further|don't/i);
  } else if (kindOf(intent) === INTENTS.stop) {
    expect(reply.open).toBe(false);
  } else if (intent === INTENTS.fallback) {
    expect(reply.open).toBe(true);
    expect(reply.text).toMatch(/didn't catch/i);
    expect(reply.text.length).toBeLessThan(400);
  }
}

describe('held-out phrasings typed into the console mid-routine', () => {
  it('answers each of 30 with the behaviour of its intent, but for the known misses', async () => {
    expect(PHRASINGS).toHaveLength(30);
    const alexa = await openDialog();
    await midRoutine(alexa);
    const wrong: string[] = [];
    for (const entry of PHRASINGS) {
      const reply = await alexa.say(entry.utterance);
      if (kindOf(reply.intent ?? '') !== kindOf(entry.intent)) wrong.push(`"${entry.utterance}": ${entry.intent} heard as ${reply.intent}`);
      else behavesAs(entry.intent, reply);
      if (!reply.open) {
        alexa.wait(60_000);
        await midRoutine(alexa);
      }
    }
    expect(wrong).toEqual(KNOWN_MISSES);
  });
});
