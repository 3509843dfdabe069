import type { Slot } from 'ask-sdk-model';
import { createResolver } from '../../scripts/console/resolver';
import { parseInteractionModel } from '../../scripts/console/interaction-model';
import { fixtureModel } from './fixture-model';

const resolver = createResolver(fixtureModel(), { skillId: 'amzn1.ask.skill.test' });
/** The exact stage alone: what a sample covers word for word. */
const exact = createResolver(fixtureModel(), { skillId: 'amzn1.ask.skill.test', classifier: false });

function slotsOf(utterance: string): Record<string, Slot> {
  return resolver.resolve(utterance).intent.slots ?? {};
}

function resolvedId(slot: Slot | undefined): string | undefined {
  return slot?.resolutions?.resolutionsPerAuthority?.[0]?.values[0]?.value.id;
}

describe('resolver', () => {
  it('matches an exact sample, ignoring case, punctuation and a leading "Alexa"', () => {
    expect(resolver.resolve('Alexa, I\u2019m READY!').intent).toEqual({ name: 'ReadyIntent', confirmationStatus: 'NONE' });
    expect(resolver.resolve('  skip   this one. ').intent.name).toBe('SkipIntent');
  });

  it('fills a custom slot with what was said and resolves it to the canonical value and id', () => {
    const result = resolver.resolve('start the lower body routine');
    expect(result.intent.name).toBe('StartRoutineIntent');
    expect(result.via).toBe('sample');
    expect(result.intent.slots?.routine).toEqual({
      name: 'routine',
      value: 'lower body',
      confirmationStatus: 'NONE',
      resolutions: {
        resolutionsPerAuthority: [
          {
            authority: 'amzn1.er-authority.echo-sdk.amzn1.ask.skill.test.ROUTINE',
            status: { code: 'ER_SUCCESS_MATCH' },
            values: [{ value: { name: 'legs', id: 'legs' } }],
          },
        ],
      },
      slotValue: expect.objectContaining({ type: 'Simple', value: 'lower body' }),
    });
  });

  it('sends a custom slot value the type does not list as said, with ER_SUCCESS_NO_MATCH, as Alexa does', () => {
    const result = exact.resolve('start the swimming routine');
    expect(result).toMatchObject({ intent: { name: 'StartRoutineIntent' }, via: 'sample' });
    expect(result.intent.slots?.routine?.value).toBe('swimming');
    expect(result.intent.slots?.routine?.resolutions?.resolutionsPerAuthority?.[0]?.status.code).toBe('ER_SUCCESS_NO_MATCH');
    expect(resolvedId(result.intent.slots?.routine)).toBeUndefined();
  });

  it('tries the longest slot value first and backs off when the rest of the sample needs the words', () => {
    expect(resolvedId(slotsOf('do the neck and trunk').routine)).toBe('neckAndTrunk');
    const slots = slotsOf('go to the right hip and knee bend');
    expect(resolvedId(slots.side)).toBe('right');
    expect(resolvedId(slots.exercise)).toBe('hip-knee-bend');
  });

  it('sends every declared slot, with unfilled ones empty', () => {
    const slots = slotsOf('go to ankle pumps');
    expect(resolvedId(slots.exercise)).toBe('ankle-pumps');
    expect(slots.side).toEqual({ name: 'side', confirmationStatus: 'NONE' });
  });

  it('gives values without an id a stable generated one, as Alexa does', () => {
    const id = resolvedId(slotsOf('do finger curls').exercise);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(resolvedId(slotsOf('do finger curls').exercise)).toBe(id);
  });

  it('reads AMAZON.NUMBER from digits or words and sends digits without resolutions', () => {
    for (const [said, value] of [
      ['pain is 7', '7'],
      ['pain is seven', '7'],
      ['pain is twenty five', '25'],
      ['pain is a hundred and five', '105'],
      ['pain is minus three', '-3'],
    ] as const) {
      const severity = slotsOf(said).severity;
      expect(severity?.value).toBe(value);
      expect(severity?.resolutions).toBeUndefined();
    }
    expect(exact.resolve('pain is seven eight').intent.name).toBe('AMAZON.FallbackIntent');
    // Two numbers in a row are never read as one ("seventy eight" or "fifteen").
    expect(['7', '8']).toContain(slotsOf('pain is seven eight').severity?.value);
  });

  it('fills two slots in one sample', () => {
    const slots = slotsOf('her knees hurts six out of ten');
    expect(slots.bodyPart?.value).toBe('knees');
    expect(resolvedId(slots.bodyPart)).toBe('knee');
    expect(slots.severity?.value).toBe('6');
  });

  it('prefers an exact sample over a slot-bearing one', () => {
    const model = parseInteractionModel({
      interactionModel: {
        languageModel: {
          invocationName: 'test skill',
          intents: [
            { name: 'RoutineIntent', slots: [{ name: 'routine', type: 'ROUTINE' }], samples: ['{routine}'] },
            { name: 'EverythingIntent', samples: ['everything'] },
          ],
          types: [{ name: 'ROUTINE', values: [{ id: 'all', name: { value: 'everything' } }] }],
        },
      },
    });
    expect(createResolver(model).resolve('everything').intent.name).toBe('EverythingIntent');
  });

  it('prefers the sample with more literal words when several match', () => {
    const model = parseInteractionModel({
      interactionModel: {
        languageModel: {
          invocationName: 'test skill',
          intents: [
            { name: 'LooseIntent', slots: [{ name: 'thing', type: 'THING' }], samples: ['do {thing}'] },
            { name: 'TightIntent', slots: [{ name: 'thing', type: 'THING' }], samples: ['do the {thing}'] },
          ],
          types: [{ name: 'THING', values: [{ name: { value: 'legs', synonyms: ['the legs'] } }] }],
        },
      },
    });
    expect(createResolver(model).resolve('do the legs').intent.name).toBe('TightIntent');
  });

  it('knows common phrases of the built-in intents the model declares', () => {
    for (const [said, intent] of [
      ['next', 'AMAZON.NextIntent'],
      ['go back', 'AMAZON.PreviousIntent'],
      ['previous', 'AMAZON.PreviousIntent'],
      ['say that again', 'AMAZON.RepeatIntent'],
      ['start over', 'AMAZON.StartOverIntent'],
      ['pause', 'AMAZON.PauseIntent'],
      ['resume', 'AMAZON.ResumeIntent'],
      ['yeah', 'AMAZON.YesIntent'],
      ['nope', 'AMAZON.NoIntent'],
      ['help', 'AMAZON.HelpIntent'],
      ['stop', 'AMAZON.StopIntent'],
      ['never mind', 'AMAZON.CancelIntent'],
      ['go home', 'AMAZON.NavigateHomeIntent'],
    ] as const) {
      const result = resolver.resolve(said);
      expect([said, result.intent.name, result.via]).toEqual([said, intent, 'builtin-phrase']);
    }
  });

  it('counts samples the model adds to a built-in intent', () => {
    expect(resolver.resolve('wait a moment')).toMatchObject({ intent: { name: 'AMAZON.PauseIntent' }, via: 'sample' });
    expect(resolver.resolve('next exercise').intent.name).toBe('AMAZON.NextIntent');
  });

  it('lets a model sample win over a built-in phrase', () => {
    const model = parseInteractionModel({
      interactionModel: {
        languageModel: {
          invocationName: 'test skill',
          intents: [
            { name: 'AMAZON.YesIntent', samples: [] },
            { name: 'ReadyIntent', samples: ['okay'] },
          ],
        },
      },
    });
    expect(createResolver(model).resolve('okay')).toMatchObject({ intent: { name: 'ReadyIntent' }, via: 'sample' });
    expect(createResolver(model).resolve('yeah').intent.name).toBe('AMAZON.YesIntent');
  });

  it('applies built-in phrases only for built-ins the model declares', () => {
    const model = parseInteractionModel({
      interactionModel: {
        languageModel: { invocationName: 'test skill', intents: [{ name: 'AMAZON.StopIntent', samples: [] }] },
      },
    });
    const minimal = createResolver(model);
    expect(minimal.resolve('stop').intent.name).toBe('AMAZON.StopIntent');
    expect(minimal.resolve('next').intent.name).toBe('AMAZON.FallbackIntent');
  });

  it('sends anything unmatched to AMAZON.FallbackIntent without slots', () => {
    expect(resolver.resolve('what is the weather')).toEqual({
      intent: { name: 'AMAZON.FallbackIntent', confirmationStatus: 'NONE' },
      via: 'fallback',
    });
  });

  it('reports samples that name a slot the intent does not declare', () => {
    const model = parseInteractionModel({
      interactionModel: {
        languageModel: { invocationName: 'test skill', intents: [{ name: 'OddIntent', samples: ['go {where}'] }] },
      },
    });
    expect(createResolver(model).warnings).toEqual([expect.stringContaining('{where}')]);
    expect(createResolver(fixtureModel()).warnings).toEqual([]);
  });
});
