import path from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import { CatalogError } from '../../lambda/errors';
import { CATALOG, EXERCISE_IDS, exerciseById, findExercise } from '../../lambda/catalog/catalog';
import { CatalogSchema, ExerciseSchema } from '../../lambda/catalog/exercise-schema';
import { EXERCISE_DATA, type ExerciseInput } from '../../lambda/catalog/exercises';
import { parseCatalog } from '../../lambda/catalog/parse-catalog';
import { PACE_FLOOR, type Exercise, type Movement } from '../../lambda/catalog/schema';

const EXPECTED_IDS = [
  'hip-knee-flexion',
  'hip-rotation',
  'hip-abduction',
  'ankle-rotation',
  'toe-flexion-extension',
  'heel-cord-stretch',
  'hamstring-stretch',
  'lumbar-rotation',
  'elbow-flexion-extension',
  'shoulder-flexion-extension',
  'shoulder-rotation',
  'horizontal-shoulder-abduction',
  'finger-wrist-flexion-extension',
  'thumb-flexion-extension',
  'neck-rotation',
  'neck-flexion',
];

/** Done once, not once per side: trunk and neck move through both sides in each repetition; the chest stretch moves both elbows together. */
const UNSIDED = ['lumbar-rotation', 'horizontal-shoulder-abduction', 'neck-rotation', 'neck-flexion'];
const LIMB_BY_ID: Record<string, string> = {
  'hip-knee-flexion': 'leg',
  'hip-rotation': 'leg',
  'hip-abduction': 'leg',
  'ankle-rotation': 'foot',
  'toe-flexion-extension': 'foot',
  'heel-cord-stretch': 'leg',
  'hamstring-stretch': 'leg',
  'elbow-flexion-extension': 'arm',
  'shoulder-flexion-extension': 'arm',
  'shoulder-rotation': 'arm',
  'finger-wrist-flexion-extension': 'hand',
  'thumb-flexion-extension': 'hand',
};
const SMALL_JOINTS = ['toe-flexion-extension', 'thumb-flexion-extension'];
/** Long arcs moving a heavy limb: at least 4 s each way with a 2 s pause (review of 2026-12, finding 7). */
const HEAVY = ['hip-knee-flexion', 'hip-abduction', 'hamstring-stretch', 'lumbar-rotation', 'shoulder-flexion-extension'];
const NECK = ['neck-rotation', 'neck-flexion'];
/** Movements from one end of the range to the other, through the middle they start from. */
const SWEEPS = [
  'hip-rotation',
  'ankle-rotation',
  'toe-flexion-extension',
  'lumbar-rotation',
  'shoulder-rotation',
  'finger-wrist-flexion-extension',
  'thumb-flexion-extension',
  'neck-rotation',
  'neck-flexion',
];
/** The stretches, which may be held at the end of their range. */
const HOLDABLE = ['hip-knee-flexion', 'hip-abduction', 'heel-cord-stretch', 'hamstring-stretch', 'horizontal-shoulder-abduction'];
/** Where the handout gives no caregiver hand placement, so ours must be confirmed by the therapist. */
const HANDS_TO_CONFIRM = ['lumbar-rotation', 'horizontal-shoulder-abduction', 'thumb-flexion-extension', 'neck-rotation', 'neck-flexion'];
const HOLDS = ['heel-cord-stretch', 'hamstring-stretch'];

const URGING = /push harder|harder|stronger|a (little|bit) further|as far as (you|it|they) can|force|further|\bpush/i;
const MEDICAL_CLAIM = /\b(prevents?|cures?|heals?|strengthens?|improves?|reverses?|slows? down|reduces? stiffness|treats?)\b/i;

function movementWords(movement: Movement): string[] {
  return movement.kind === 'arc' ? [movement.out, movement.back] : [movement.one, movement.middle, movement.other];
}

function spokenStrings(exercise: Exercise): string[] {
  return [
    exercise.name,
    exercise.position,
    exercise.safetyCue,
    ...exercise.stages.map((stage) => stage.intro),
    ...exercise.ways.flatMap((way) => [way.label, way.hands, ...way.steps, ...movementWords(way.movement), ...(way.closing === undefined ? [] : [way.closing])]),
  ];
}

function allStrings(exercise: Exercise): string[] {
  return [...spokenStrings(exercise), ...exercise.synonyms];
}

function wordCount(text: string): number {
  return text.trim().split(/\s+/).length;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim();
}

function validEntry(): ExerciseInput {
  return structuredClone(EXERCISE_DATA.find((entry) => entry.id === 'hip-knee-flexion')) as ExerciseInput;
}

describe('exercise catalog', () => {
  it('holds the 16 handout exercises in routine order', () => {
    expect(EXERCISE_IDS).toEqual(EXPECTED_IDS);
    expect(CATALOG.map((exercise) => exercise.id)).toEqual(EXPECTED_IDS);
  });

  it('is valid against the catalog schema', () => {
    const result = CatalogSchema.safeParse(EXERCISE_DATA);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('is used unparsed, so it must already be what parsing gives: nothing stripped, defaulted or transformed', () => {
    expect(parseCatalog(EXERCISE_DATA)).toStrictEqual(CATALOG);
  });

  it('finds exercises by id and rejects unknown ids', () => {
    expect(findExercise('hip-rotation')?.name).toBe('hip rotation');
    expect(findExercise('no-such-exercise')).toBeUndefined();
    expect(exerciseById('neck-flexion').id).toBe('neck-flexion');
    expect(() => exerciseById('no-such-exercise')).toThrow(CatalogError);
  });

  it('is frozen so no handler can change an instruction', () => {
    const exercise = exerciseById('hip-rotation');
    expect(Object.isFrozen(CATALOG)).toBe(true);
    expect(Object.isFrozen(exercise)).toBe(true);
    expect(Object.isFrozen(exercise.ways[0]?.steps)).toBe(true);
  });

  it.each(EXPECTED_IDS)('%s has a safety cue and 2 to 4 short steps of one sentence each', (id) => {
    const exercise = exerciseById(id);
    expect(exercise.safetyCue).toMatch(/^[A-Z].*\.$/);
    for (const way of exercise.ways) {
      expect(way.steps.length).toBeGreaterThanOrEqual(2);
      expect(way.steps.length).toBeLessThanOrEqual(4);
      for (const step of way.steps) {
        expect(step).toMatch(/^[A-Z][^.]*\.$/);
        expect(wordCount(step)).toBeLessThanOrEqual(25);
      }
      expect(way.hands).toMatch(/^[A-Z][^.]*\.$/);
      for (const words of movementWords(way.movement)) expect(wordCount(words)).toBeLessThanOrEqual(4);
      if (way.closing !== undefined) expect(way.closing).toMatch(/^Now [^.]*\.$/);
      // The closing action is said after the last count, not described beforehand.
      expect(way.steps.join(' ')).not.toMatch(/after the last/i);
    }
    expect(exercise.position).toMatch(/^[A-Z][^.]*\.$/);
  });

  it('names the limb of every sided exercise and only of those', () => {
    for (const exercise of CATALOG) {
      if (UNSIDED.includes(exercise.id)) {
        expect({ id: exercise.id, sided: exercise.sided, limb: exercise.limb }).toEqual({ id: exercise.id, sided: false, limb: undefined });
      } else {
        expect({ id: exercise.id, sided: exercise.sided, limb: exercise.limb }).toEqual({ id: exercise.id, sided: true, limb: LIMB_BY_ID[exercise.id] });
        expect(['legs', 'arms']).toContain(exercise.region);
      }
    }
  });

  it('puts trunk and neck exercises in the neck-and-trunk region, unsided', () => {
    for (const id of ['lumbar-rotation', 'neck-rotation', 'neck-flexion']) {
      expect(exerciseById(id)).toMatchObject({ region: 'neckAndTrunk', sided: false });
    }
    expect(CATALOG.filter((exercise) => exercise.region === 'legs').map((exercise) => exercise.id)).toEqual(EXPECTED_IDS.slice(0, 7));
    expect(CATALOG.filter((exercise) => exercise.region === 'arms').map((exercise) => exercise.id)).toEqual(EXPECTED_IDS.slice(8, 14));
  });

  it('moves through both sides within each repetition of the unsided trunk and neck exercises, naming their side', () => {
    for (const id of ['lumbar-rotation', 'neck-rotation', 'neck-flexion']) {
      const movement = exerciseById(id).ways[0]!.movement;
      expect(movement.kind).toBe('sweep');
      if (movement.kind !== 'sweep') continue;
      expect(movement.one).toMatch(/their left/);
      expect(movement.middle).toMatch(/middle/);
      expect(movement.other).toMatch(/their right/);
    }
  });

  it('counts the movements that go from one end of the range to the other as sweeps, the others as arcs', () => {
    for (const exercise of CATALOG) {
      for (const way of exercise.ways) {
        expect({ id: exercise.id, kind: way.movement.kind }).toEqual({ id: exercise.id, kind: SWEEPS.includes(exercise.id) ? 'sweep' : 'arc' });
      }
    }
  });

  it('offers a hold only for the stretches', () => {
    expect(CATALOG.filter((exercise) => exercise.holdAllowed).map((exercise) => exercise.id)).toEqual(HOLDABLE);
    for (const exercise of CATALOG.filter((e) => e.dose.kind === 'hold')) expect(exercise.holdAllowed).toBe(true);
  });

  it('says the closing action of the movements that end away from the resting position', () => {
    const closings = CATALOG.flatMap((exercise) => exercise.ways.filter((way) => way.closing !== undefined).map(() => exercise.id));
    expect([...new Set(closings)]).toEqual(['hip-rotation', 'hamstring-stretch', 'lumbar-rotation', 'shoulder-rotation', 'horizontal-shoulder-abduction', 'neck-rotation', 'neck-flexion']);
    expect(exerciseById('lumbar-rotation').ways[0]?.closing).toMatch(/lay the legs/);
    expect(exerciseById('neck-rotation').ways[0]?.closing).toMatch(/facing forward/);
  });

  it('keeps the neck to lying down, at the head of the bed, turning without lifting, and stopping for dizziness or swallowing', () => {
    for (const id of NECK) {
      const exercise = exerciseById(id);
      const said = [exercise.position, exercise.ways[0]!.hands, ...exercise.ways[0]!.steps, exercise.safetyCue].join(' ');
      expect(exercise.position).toMatch(/lie on their back/);
      expect(exercise.position).not.toMatch(/sit/);
      expect(said).toMatch(/head of the bed/);
      expect(said).toMatch(/pillow/);
      expect(said).toMatch(/never lift it/);
      expect(said).toMatch(/dizzy/);
      expect(said).toMatch(/swallowing/);
    }
  });

  it('allows pillows for breathing when lying on their back', () => {
    for (const exercise of CATALOG.filter((e) => e.region === 'legs' || e.id === 'lumbar-rotation')) {
      expect(exercise.position).not.toMatch(/flat/);
      expect(exercise.position).toMatch(/pillows .*breathing/);
    }
  });

  it('words shoulder rotation for lying down and for sitting', () => {
    const steps = exerciseById('shoulder-rotation').ways[0]!.steps.join(' ');
    expect(steps).toMatch(/right angle/);
    expect(steps).toMatch(/level with the shoulder/);
    expect(steps).toMatch(/Lying down, rest the upper arm on the bed/);
    expect(steps).toMatch(/toward the head of the bed/);
    expect(steps).toMatch(/toward their feet/);
    expect(steps).toMatch(/sit/);
    expect(steps).toMatch(/floor/);
  });

  it('orders the chest stretch so it can be done: their hands first, only if they go there easily, then yours on the elbows', () => {
    const steps = exerciseById('horizontal-shoulder-abduction').ways[0]!.steps;
    expect(steps[0]).toMatch(/their hands up .*only if the arms go there easily; if not, skip/);
    expect(steps[1]).toMatch(/one of your hands on each of their elbows/);
    expect(exerciseById('horizontal-shoulder-abduction').generalCues).not.toContain('oneJoint');
  });

  it('gives "one joint at a time" only to exercises moved with one hand above the joint and one below', () => {
    for (const id of ['lumbar-rotation', 'horizontal-shoulder-abduction', 'neck-rotation', 'neck-flexion', 'heel-cord-stretch']) {
      expect({ id, oneJoint: exerciseById(id).generalCues.includes('oneJoint') }).toEqual({ id, oneJoint: false });
    }
    for (const id of NECK) expect(exerciseById(id).generalCues).not.toContain('swollen');
  });

  it('gives the positions the handout gives', () => {
    for (const exercise of CATALOG) {
      if (exercise.region === 'legs' || exercise.id === 'lumbar-rotation') expect(exercise.position).toMatch(/lie .*on their back/);
      else if (exercise.id === 'horizontal-shoulder-abduction') expect(exercise.position).toMatch(/lie on their back in bed/);
      else if (exercise.region === 'arms') expect(exercise.position).toMatch(/chair.* or lie/);
      else expect(exercise.position).toMatch(/supported/);
    }
  });

  it('offers the two hand placements of hip rotation, each bending until the thigh points to the ceiling at most', () => {
    const hipRotation = exerciseById('hip-rotation');
    expect(hipRotation.ways).toHaveLength(2);
    const [first, second] = hipRotation.ways;
    expect(first?.hands).toMatch(/thigh/);
    expect(first?.hands).toMatch(/below the knee/);
    expect(second?.hands).toMatch(/under the knee/);
    expect(second?.hands).toMatch(/heel/);
    expect(first?.label).not.toEqual(second?.label);
    for (const way of hipRotation.ways) {
      expect(way.steps[0]).toMatch(/thigh points to the ceiling.*resistance/);
      expect(way.steps.join(' ')).toMatch(/toward you/);
      expect(way.steps.join(' ')).toMatch(/away from you/);
    }
    for (const exercise of CATALOG.filter((exercise) => exercise.id !== 'hip-rotation')) {
      expect({ id: exercise.id, ways: exercise.ways.length }).toEqual({ id: exercise.id, ways: 1 });
    }
  });

  it('does the heel-cord stretch with the knee bent, then straight; everything else in one stage', () => {
    const stages = exerciseById('heel-cord-stretch').stages;
    expect(stages).toHaveLength(2);
    expect(stages[0]?.intro).toMatch(/knee bent/);
    expect(stages[1]?.intro).toMatch(/knee straight/);
    for (const exercise of CATALOG.filter((exercise) => exercise.id !== 'heel-cord-stretch')) {
      expect({ id: exercise.id, stages: exercise.stages.length }).toEqual({ id: exercise.id, stages: 1 });
    }
  });

  it('asks for confirmation of the hand placements the handout does not give', () => {
    expect(CATALOG.filter((exercise) => exercise.handsNeedConfirmation).map((exercise) => exercise.id)).toEqual(HANDS_TO_CONFIRM);
    for (const id of ['neck-rotation', 'neck-flexion']) {
      const exercise = exerciseById(id);
      expect(exercise.handsNeedConfirmation).toBe(true);
      expect(exercise.ways[0]?.hands).toMatch(/[Ss]upport (the|their) head with both hands\.$/);
    }
  });

  it('keeps every pace at or above its floor: heavy long arcs slower, the neck slowest', () => {
    for (const exercise of CATALOG) {
      const expected = SMALL_JOINTS.includes(exercise.id) ? 'small' : HEAVY.includes(exercise.id) ? 'heavy' : NECK.includes(exercise.id) ? 'neck' : 'large';
      expect({ id: exercise.id, paceClass: exercise.paceClass }).toEqual({ id: exercise.id, paceClass: expected });
      const floor = PACE_FLOOR[exercise.paceClass];
      expect(exercise.pace.outSeconds).toBeGreaterThanOrEqual(floor.outSeconds);
      expect(exercise.pace.pauseSeconds).toBeGreaterThanOrEqual(floor.pauseSeconds);
      expect(exercise.pace.backSeconds).toBeGreaterThanOrEqual(floor.backSeconds);
    }
    expect(PACE_FLOOR.large).toEqual({ outSeconds: 3, pauseSeconds: 1, backSeconds: 3 });
    expect(PACE_FLOOR.heavy.outSeconds).toBeGreaterThanOrEqual(4);
    expect(PACE_FLOOR.heavy.backSeconds).toBeGreaterThanOrEqual(4);
    expect(PACE_FLOOR.heavy.pauseSeconds).toBeGreaterThanOrEqual(2);
    const slowest = Math.max(...Object.values(PACE_FLOOR).map((floor) => floor.outSeconds + floor.pauseSeconds + floor.backSeconds));
    expect(PACE_FLOOR.neck.outSeconds + PACE_FLOOR.neck.pauseSeconds + PACE_FLOOR.neck.backSeconds).toBe(slowest);
    expect(PACE_FLOOR.neck.outSeconds).toBeGreaterThan(PACE_FLOOR.heavy.outSeconds);
    expect(PACE_FLOOR.small.outSeconds).toBeGreaterThanOrEqual(2);
    expect(PACE_FLOOR.small.backSeconds).toBeGreaterThanOrEqual(2);
  });

  it("uses the handout's dose: 10 repetitions, or 30 second holds for the stretches", () => {
    for (const exercise of CATALOG) {
      if (HOLDS.includes(exercise.id)) expect(exercise.dose).toEqual({ kind: 'hold', holdSeconds: 30, asTolerated: false });
      else if (exercise.id === 'horizontal-shoulder-abduction') expect(exercise.dose).toEqual({ kind: 'hold', holdSeconds: 30, asTolerated: true });
      else expect({ id: exercise.id, dose: exercise.dose }).toEqual({ id: exercise.id, dose: { kind: 'reps', reps: 10 } });
    }
  });

  it('never urges force and never promises a medical effect', () => {
    for (const exercise of CATALOG) {
      for (const text of spokenStrings(exercise)) {
        expect(text).not.toMatch(URGING);
        expect(text).not.toMatch(MEDICAL_CLAIM);
      }
    }
  });

  it('gives angles as body references, never degrees', () => {
    for (const exercise of CATALOG) {
      for (const text of spokenStrings(exercise)) expect(text).not.toMatch(/degree/i);
    }
  });

  it('has lowercase synonyms that include the clinical name and are unique across the catalog', () => {
    const clinical: Record<string, string> = {
      'hip-knee-flexion': 'hip and knee flexion',
      'hip-abduction': 'hip abduction',
      'ankle-rotation': 'ankle rotation',
      'toe-flexion-extension': 'toe flexion and extension',
      'heel-cord-stretch': 'heel cord stretching',
      'lumbar-rotation': 'lumbar rotation',
      'elbow-flexion-extension': 'elbow flexion and extension',
      'shoulder-flexion-extension': 'shoulder flexion and extension',
      'shoulder-rotation': 'shoulder internal and external rotation',
      'horizontal-shoulder-abduction': 'horizontal shoulder abduction',
      'finger-wrist-flexion-extension': 'finger and wrist flexion and extension',
      'thumb-flexion-extension': 'thumb flexion and extension',
      'neck-rotation': 'neck rotation',
      'neck-flexion': 'neck flexion',
    };
    const owners = new Map<string, string>();
    for (const exercise of CATALOG) {
      const expected = clinical[exercise.id];
      if (expected !== undefined) expect(exercise.synonyms).toContain(expected);
      const phrases = [exercise.name.toLowerCase(), ...exercise.synonyms];
      expect(exercise.synonyms.length).toBeGreaterThanOrEqual(3);
      for (const phrase of new Set(phrases)) {
        expect(phrase).toMatch(/^[a-z][a-z' -]*[a-z]$/);
        expect(owners.get(phrase) ?? exercise.id).toBe(exercise.id);
        owners.set(phrase, exercise.id);
      }
    }
  });

  describe('wording is our own, not the handout', () => {
    const handoutPath = process.env.ROM_HANDOUT_PATH ?? path.join(__dirname, '..', 'fixtures', 'handout.txt');

    it('finds the handout to compare against (set ROM_HANDOUT_PATH to point elsewhere)', () => {
      expect(existsSync(handoutPath)).toBe(true);
    });

    const handout = existsSync(handoutPath) ? readFileSync(handoutPath, 'utf8') : '';
    const sentences = handout
      .split(/\n\s*\n|[.!?\u2022]/)
      .map(normalize)
      .filter((sentence) => sentence.split(' ').length >= 6);

    it('reads a useful number of sentences from the handout', () => {
      expect(sentences.length).toBeGreaterThan(50);
    });

    it('copies no handout sentence of six words or more into any exercise', () => {
      for (const exercise of CATALOG) {
        // Joined, so a sentence split across two of our strings is caught too.
        const ours = ` ${allStrings(exercise).map(normalize).join(' ')} `;
        const copied = sentences.filter((sentence) => ours.includes(` ${sentence} `));
        expect({ id: exercise.id, copied }).toEqual({ id: exercise.id, copied: [] });
      }
    });

    it('shares no run of eight words or more with the handout', () => {
      const handoutWords = ` ${normalize(handout)} `;
      for (const exercise of CATALOG) {
        for (const text of allStrings(exercise)) {
          const words = normalize(text).split(' ');
          for (let start = 0; start + 8 <= words.length; start += 1) {
            const run = words.slice(start, start + 8).join(' ');
            expect({ id: exercise.id, run, inHandout: handoutWords.includes(` ${run} `) }).toEqual({ id: exercise.id, run, inHandout: false });
          }
        }
      }
    });
  });
});

describe('exercise schema', () => {
  it('accepts the untouched entry used below', () => {
    expect(ExerciseSchema.safeParse(validEntry()).success).toBe(true);
  });

  it('rejects a pace below its floor', () => {
    const tooFast = { ...validEntry(), pace: { outSeconds: 3, pauseSeconds: 2, backSeconds: 4 } };
    const result = ExerciseSchema.safeParse(tooFast);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['pace', 'outSeconds']]);
  });

  it('rejects a small-joint pace with no pause', () => {
    const noPause = { ...validEntry(), paceClass: 'small', pace: { outSeconds: 2, pauseSeconds: 0, backSeconds: 2 } };
    const result = ExerciseSchema.safeParse(noPause);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['pace', 'pauseSeconds']]);
  });

  it('rejects an angle in degrees, even one tied to the point of resistance', () => {
    const entry = validEntry();
    const way = entry.ways[0];
    if (way === undefined) throw new Error('fixture has no way');
    way.steps[0] = 'Bend the knee up to about 90 degrees, or less at the first resistance.';
    const result = ExerciseSchema.safeParse(entry);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['ways', 0, 'steps', 0]]);
  });

  it('rejects a hold on a sweep, and a hold dose on an exercise that allows none', () => {
    const entry = validEntry();
    entry.ways[0]!.movement = { kind: 'sweep', one: 'to one side', middle: 'back to the middle', other: 'to the other' };
    expect(ExerciseSchema.safeParse(entry).error?.issues.map((issue) => issue.path)).toEqual([['ways', 0, 'movement']]);

    const held = { ...validEntry(), holdAllowed: false, dose: { kind: 'hold', holdSeconds: 30, asTolerated: false } };
    expect(ExerciseSchema.safeParse(held).error?.issues.map((issue) => issue.path)).toEqual([['holdAllowed']]);
  });

  it('rejects a movement that is neither an arc nor a sweep, or a beat of more than four words', () => {
    const entry = validEntry();
    (entry.ways[0] as { movement: unknown }).movement = { out: 'bend', back: 'and lower' };
    expect(ExerciseSchema.safeParse(entry).success).toBe(false);

    const wordy = validEntry();
    wordy.ways[0]!.movement = { kind: 'arc', out: 'bend the knee up slowly', back: 'and lower' };
    expect(ExerciseSchema.safeParse(wordy).error?.issues.map((issue) => issue.path)).toEqual([['ways', 0, 'movement', 'out']]);
  });

  it('keeps the neck at its own, slowest pace', () => {
    const neck = { ...validEntry(), group: 'neck', region: 'neckAndTrunk', sided: false, limb: undefined };
    const { limb: _limb, ...unsided } = neck;
    expect(ExerciseSchema.safeParse(unsided).error?.issues.map((issue) => issue.path)).toEqual([['paceClass']]);
  });

  it('asks each of two stages for the label the dose line names it by', () => {
    const staged = { ...validEntry(), stages: [{ intro: 'First with the knee bent.' }, { intro: 'Now straight.', label: 'straight' }] };
    expect(ExerciseSchema.safeParse(staged).error?.issues.map((issue) => issue.path)).toEqual([['stages', 0, 'label']]);
  });

  it('rejects a sided exercise without its limb', () => {
    const { limb: _limb, ...noLimb } = validEntry();
    expect(ExerciseSchema.safeParse(noLimb).error?.issues.map((issue) => issue.path)).toEqual([['limb']]);
  });

  it('rejects spoken text with characters the speech layer does not expect', () => {
    const entry = { ...validEntry(), safetyCue: 'Keep the foot & hip "in line".' };
    expect(ExerciseSchema.safeParse(entry).success).toBe(false);
  });

  it('makes the loader throw CatalogError naming each issue, e.g. a synonym owned by two exercises', () => {
    const first = validEntry();
    const second = { ...validEntry(), id: 'copy-of-hip-knee-flexion', name: 'another bend', pace: { outSeconds: 1, pauseSeconds: 1, backSeconds: 3 } };
    expect(() => parseCatalog([first, second])).toThrow(CatalogError);
    expect(() => parseCatalog([first, second])).toThrow(/1\.pace\.outSeconds \(copy-of-hip-knee-flexion\)/);
    expect(() => parseCatalog([first, { ...second, pace: first.pace }])).toThrow(/"knee to chest" names both hip-knee-flexion and copy-of-hip-knee-flexion/);
  });
});
