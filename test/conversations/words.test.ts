// The words issue #2 says must work, resolved with the generated en-US model as Alexa would.
import { CATALOG } from '../../lambda/catalog/catalog';
import { INTENTS } from '../../lambda/intents';
import { createResolver } from '../../scripts/console/resolver';
import { committedModel } from '../support/model';

const resolver = createResolver(committedModel());

function slotId(utterance: string, slot: string): string | undefined {
  return resolver.resolve(utterance).intent.slots?.[slot]?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id;
}

describe('the words that must work', () => {
  it.each([
    ['start the leg exercises', INTENTS.startRoutine],
    ['start the arm exercises', INTENTS.startRoutine],
    ['start everything', INTENTS.startRoutine],
    ['ready', INTENTS.ready],
    ['next', INTENTS.next],
    ['repeat', INTENTS.repeat],
    ['go back', INTENTS.previous],
    ['skip', INTENTS.skip],
    ['pause', INTENTS.pause],
    ['resume', INTENTS.resume],
    ['continue', INTENTS.resume],
    ['start over', INTENTS.startOver],
    ['go to hamstring stretch', INTENTS.goToExercise],
    ['slower', INTENTS.slower],
    ['faster', INTENTS.faster],
    ['speak more slowly', INTENTS.speakSlower],
    ['that hurts', INTENTS.reportPain],
    ['it hurts her knee', INTENTS.reportPain],
    ['ow stop', INTENTS.reportPain],
    ["she can't breathe", INTENTS.emergency],
    ['give me a summary', INTENTS.summary],
    ['help', INTENTS.help],
    ['stop', INTENTS.stop],
    ['cancel', INTENTS.cancel],
    ['yes', INTENTS.yes],
    ['no', INTENTS.no],
  ])('"%s" resolves to %s', (utterance, intent) => {
    expect(resolver.resolve(utterance).intent.name).toBe(intent);
  });

  it('resolves the routine slot to its id', () => {
    expect(slotId('start the leg exercises', 'routine')).toBe('legs');
    expect(slotId('start the arm exercises', 'routine')).toBe('arms');
    expect(slotId('start everything', 'routine')).toBe('everything');
  });

  it('resolves the body part volunteered with pain', () => {
    expect(slotId('it hurts her knee', 'bodyPart')).toBe('knee');
  });

  it.each(CATALOG.flatMap((e) => [e.name.toLowerCase(), ...e.synonyms].map((phrase) => [phrase, e.id])))(
    'finds the exercise by "go to %s"',
    (phrase, id) => {
      expect(resolver.resolve(`go to ${phrase}`).intent.name).toBe(INTENTS.goToExercise);
      expect(slotId(`go to ${phrase}`, 'exercise')).toBe(id);
    },
  );

  it('sends what it cannot place to the fallback intent', () => {
    expect(resolver.resolve('what is the capital of france').intent.name).toBe(INTENTS.fallback);
  });
});
