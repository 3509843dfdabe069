// Every rule of interactionModels/check-model.ts fails on a model that breaks it, and passes the real ones.
import { INTENTS, INTENT_SLOTS, SLOTS } from '../../lambda/intents';
import { buildModel, LOCALES } from '../../interactionModels/build-model';
import { checkInvocation, checkModel, LIMITS, REQUIRED_BUILT_INS } from '../../interactionModels/check-model';
import type { InteractionModel } from '../../interactionModels/model-types';
import { EXPECTED_INTENTS, expectedIntents } from '../../scripts/build-models';

type Intent = InteractionModel['interactionModel']['languageModel']['intents'][number];
type SlotType = NonNullable<InteractionModel['interactionModel']['languageModel']['types']>[number];

/** A small valid model; each test breaks one thing. */
function model(intents: Intent[] = [], types: SlotType[] = [], invocationName = 'range of motion coach'): InteractionModel {
  return {
    interactionModel: {
      languageModel: {
        invocationName,
        intents: [
          ...REQUIRED_BUILT_INS.map((name) => ({ name, samples: [] })),
          { name: 'PainIntent', slots: [{ name: 'bodyPart', type: 'BODY_PART' }, { name: 'level', type: 'AMAZON.NUMBER' }], samples: ['that hurts', 'her {bodyPart} hurts', 'about a {level}'] },
          ...intents,
        ],
        types: [{ name: 'BODY_PART', values: [{ id: 'knee', name: { value: 'knee', synonyms: ['knees'] } }] }, ...types],
      },
    },
  };
}

const fails = (candidate: unknown, pattern: RegExp): void => {
  const problems = checkModel(candidate);
  expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
};

describe('checkModel', () => {
  it('passes the small valid model', () => {
    expect(checkModel(model())).toEqual([]);
  });

  it.each(LOCALES)('passes the generated %s model, with every intent and slot of lambda/intents.ts', (locale) => {
    expect(checkModel(buildModel(locale), { expectedIntents: EXPECTED_INTENTS })).toEqual([]);
  });

  it('rejects JSON that is not an interaction model (zod schema)', () => {
    fails({ interactionModel: { languageModel: { invocationName: 'x y' } } }, /^schema: interactionModel\.languageModel\.intents/);
    fails({ interactionModel: { languageModel: { invocationName: 'range of motion coach', intents: [{ name: 'Bad Name' }] } } }, /^schema: .*intents\.0\.name/);
    const badType = model([], [{ name: 'bad-type', values: [{ name: { value: 'x' } }] }]);
    fails(badType, /^schema: .*types\.1\.name/);
    const emptyType = model([], [{ name: 'EMPTY', values: [] }]);
    fails(emptyType, /^schema: .*types\.1\.values/);
  });

  describe('invocation name', () => {
    it.each([
      ['Range Of Motion Coach', /lower-case/],
      ['coach', /two or more words/],
      ['open motion coach', /launch word "open"/],
      ['alexa motion coach', /wake word "alexa"/],
      ['the coach', /two-word name may not hold an article/],
      ['motion coach 2', /spell numbers out/],
      ['motion  coach', /single spaces/],
    ])('rejects "%s"', (name, pattern) => {
      expect(checkInvocation(name)).toEqual(expect.arrayContaining([expect.stringMatching(pattern)]));
      fails(model([], [], name), pattern);
    });
    it('accepts "range of motion coach"', () => expect(checkInvocation('range of motion coach')).toEqual([]));
  });

  it.each(REQUIRED_BUILT_INS)('requires %s', (name) => {
    const broken = model();
    const lm = broken.interactionModel.languageModel;
    lm.intents = lm.intents.filter((i) => i.name !== name);
    fails(broken, new RegExp(`missing required intent ${name.replace('.', '\\.')}`));
  });

  it('rejects a sample in two intents, naming both and the utterance', () => {
    fails(model([{ name: 'OtherIntent', samples: ['That  hurts'] }]), /^OtherIntent: "That {2}hurts": also a sample of PainIntent$/);
  });

  it('rejects a sample twice in one intent', () => {
    fails(model([{ name: 'OtherIntent', samples: ['go on', 'go on'] }]), /^OtherIntent: "go on": appears twice in the intent$/);
  });

  it('rejects a {slot} the intent does not declare', () => {
    fails(model([{ name: 'GoIntent', samples: ['go to {exercise}'] }]), /^GoIntent: "go to \{exercise\}": slot \{exercise\} is not declared/);
  });

  it('rejects a slot used twice in one sample', () => {
    fails(
      model([{ name: 'GoIntent', slots: [{ name: 'part', type: 'BODY_PART' }], samples: ['{part} and {part}'] }]),
      /^GoIntent: "\{part\} and \{part\}": slot \{part\} is used twice/,
    );
  });

  it('rejects a slot whose custom type is not declared, and an unknown built-in type', () => {
    fails(model([{ name: 'GoIntent', slots: [{ name: 'x', type: 'EXERCISE' }], samples: ['go to {x}'] }]), /^GoIntent: slot \{x\} has undeclared type EXERCISE/);
    fails(model([{ name: 'GoIntent', slots: [{ name: 'n', type: 'AMAZON.NUMBR' }], samples: ['do {n}'] }]), /^GoIntent: slot \{n\} has unknown built-in type AMAZON\.NUMBR/);
  });

  it('rejects braces that do not enclose one slot name', () => {
    fails(model([{ name: 'GoIntent', slots: [{ name: 'x', type: 'BODY_PART' }], samples: ['go to {x'] }]), /^GoIntent: "go to \{x": braces must enclose/);
    fails(model([{ name: 'GoIntent', slots: [{ name: 'x', type: 'BODY_PART' }], samples: ['go to { x }'] }]), /braces must enclose/);
  });

  it('rejects digits in samples and slot values: numbers are spelled out', () => {
    fails(model([{ name: 'RepsIntent', samples: ['do 5 reps'] }]), /^RepsIntent: "do 5 reps": spell numbers out as words$/);
    fails(model([], [{ name: 'COUNT', values: [{ name: { value: '10 reps' } }] }]), /^slot type COUNT: "10 reps": spell numbers out/);
  });

  it.each(['stop, that hurts', 'what is next?', 'go!', 'left/right', 'fifty %'])('rejects the characters in "%s"', (sample) => {
    fails(model([{ name: 'OddIntent', samples: [sample] }]), /only letters, spaces, periods, apostrophes, hyphens, underscores and \{slots\}/);
  });

  it("accepts periods of abbreviations, apostrophes, hyphens and underscores", () => {
    expect(checkModel(model([{ name: 'OkIntent', samples: ["she's at p. t.", 'a ten-second hold', 'under_score'] }]))).toEqual([]);
  });

  it('rejects an empty sample, and one over the length limit', () => {
    fails(model([{ name: 'LongIntent', samples: [' '] }]), /^LongIntent: " ": empty sample/);
    fails(model([{ name: 'LongIntent', samples: ['very '.repeat(41).trim()] }]), new RegExp(`longer than ${LIMITS.sampleChars} characters`));
  });

  it('rejects a slot value over the length limit, with bad characters, or naming two ids', () => {
    fails(model([], [{ name: 'LONG', values: [{ name: { value: 'x'.repeat(LIMITS.slotValueChars + 1) } }] }]), /^slot type LONG: "x+": longer than/);
    fails(model([], [{ name: 'ODD', values: [{ name: { value: 'left, right' } }] }]), /^slot type ODD: "left, right": only letters/);
    fails(
      model([], [{ name: 'SIDE', values: [{ id: 'right', name: { value: 'right', synonyms: ['the side'] } }, { id: 'left', name: { value: 'left', synonyms: ['the side'] } }] }]),
      /^slot type SIDE: "the side": names both right and left/,
    );
    fails(model([], [{ name: 'SIDE', values: [{ id: 'right', name: { value: 'right' } }, { id: 'right', name: { value: 'the right' } }] }]), /id "right" used by two values/);
  });

  it('rejects samples on AMAZON.FallbackIntent, a duplicate intent and a duplicate slot', () => {
    const withFallbackSample = model();
    const fallback = withFallbackSample.interactionModel.languageModel.intents.find((i) => i.name === 'AMAZON.FallbackIntent');
    if (fallback) fallback.samples = ['anything'];
    fails(withFallbackSample, /^AMAZON\.FallbackIntent: takes no sample utterances/);
    fails(model([{ name: 'PainIntent', samples: ['ouch'] }]), /^PainIntent: declared twice/);
    fails(model([{ name: 'TwoIntent', slots: [{ name: 'a', type: 'BODY_PART' }, { name: 'a', type: 'BODY_PART' }], samples: ['{a}'] }]), /slot \{a\} declared twice/);
  });

  describe('the project rule: exactly the intents and slots of lambda/intents.ts', () => {
    const expected = { PainIntent: [{ name: 'bodyPart', type: 'BODY_PART' }, { name: 'level', type: 'AMAZON.NUMBER' }], ...Object.fromEntries(REQUIRED_BUILT_INS.map((n) => [n, []])) };

    it('passes when the model matches', () => {
      expect(checkModel(model(), { expectedIntents: expected })).toEqual([]);
    });

    it('rejects a missing intent, different slots, an unused slot and an extra intent', () => {
      const problems = checkModel(
        model([{ name: 'ExtraIntent', samples: ['extra'] }]),
        { expectedIntents: { ...expected, PainIntent: [{ name: 'bodyPart', type: 'BODY_PART' }], SummaryIntent: [] } },
      );
      expect(problems).toEqual(
        expect.arrayContaining([
          'missing intent SummaryIntent',
          expect.stringMatching(/^PainIntent: slots are \[bodyPart:BODY_PART, level:AMAZON\.NUMBER\], lambda\/intents\.ts declares \[bodyPart:BODY_PART\]/),
          'ExtraIntent: not an intent lambda/intents.ts declares',
        ]),
      );
      const unused = model();
      const pain = unused.interactionModel.languageModel.intents.find((i) => i.name === 'PainIntent');
      if (pain) pain.samples = ['that hurts', 'her {bodyPart} hurts'];
      expect(checkModel(unused, { expectedIntents: expected })).toEqual(['PainIntent: slot {level} is in no sample, so Alexa can never fill it']);
    });

    it('is what build-models.ts checks: every intent of INTENTS, with INTENT_SLOTS (the published profile without severity)', () => {
      expect(Object.keys(EXPECTED_INTENTS).sort()).toEqual(Object.values(INTENTS).sort());
      const detailed = expectedIntents('detailed');
      for (const [name, slots] of Object.entries(INTENT_SLOTS)) {
        expect(detailed[name]).toEqual(slots);
        expect(EXPECTED_INTENTS[name]).toEqual(slots.filter((slot) => slot.name !== SLOTS.severity));
      }
    });
  });
});
