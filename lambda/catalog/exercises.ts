// The exercises of the passive range-of-motion handout, reworded for speech.
// Every string here is spoken to a caregiver whose hands are busy, so each is short and holds
// one instruction. Facts follow the handout; the wording is our own. Angles are only a guide:
// they are given as body references, never degrees, and resistance comes first. A sweep (from one end of the range
// to the other) is counted in four beats through the middle; an arc out and back in two. The skill uses this data as it is written:
// the type below checks each entry as it is compiled, and parse-catalog.ts validates the rest in tests and builds.
import type { Exercise, GeneralCue } from './schema';

export type { ExerciseInput } from './exercise-schema';

// Many people with ALS breathe more easily propped up, so "flat" is not asked for.
const LYING_ON_BACK = 'Have them lie on their back; pillows under the head and shoulders are fine if that helps their breathing.';
const ARMS_POSITION = 'They can sit in a chair or lie on their back.';
// Lying only: a weak neck cannot hold the head up sitting, so the pillow carries its weight.
const NECK_POSITION = 'Have them lie on their back, with the head supported on the pillow.';
const NECK_HANDS = 'Stand at the head of the bed, and support their head with both hands.';
const NECK_REST = 'Let the head rest on the pillow the whole time; you only guide it.';
const MIDDLE = 'back to the middle';
const SINGLE_STAGE = [{ intro: 'Here we go.' }];
// Paces sit at their class's floor (schema.ts PACE_FLOOR): heavy long arcs and the neck slower than the rest.
const SMALL_PACE = { outSeconds: 2, pauseSeconds: 1, backSeconds: 2 };
const LARGE_PACE = { outSeconds: 3, pauseSeconds: 1, backSeconds: 3 };
const HEAVY_PACE = { outSeconds: 4, pauseSeconds: 2, backSeconds: 4 };
const NECK_PACE = { outSeconds: 5, pauseSeconds: 2, backSeconds: 5 };
// The handout's general cues that fit a limb moved with one hand above the joint and one below, and the others.
const ONE_JOINT_CUES: GeneralCue[] = ['resistance', 'supported', 'oneJoint', 'swollen'];
const LIMB_CUES: GeneralCue[] = ['resistance', 'supported', 'swollen'];
const TEN_REPS = { kind: 'reps', reps: 10 } as const;
const HOLD_30 = { kind: 'hold', holdSeconds: 30, asTolerated: false } as const;

export const EXERCISE_DATA: readonly Exercise[] = [
  // ---------------------------------------------------------------- legs
  {
    id: 'hip-knee-flexion',
    code: 'hk',
    name: 'hip and knee bend',
    synonyms: ['hip and knee flexion', 'knee to chest', 'knee to the chest', 'knee bend', 'knee bends', 'bend the knee', 'knee to chest stretch', 'knees to chest', 'knee hug', 'knee hugs', 'leg bend', 'leg bends', 'bend the leg', 'bend and straighten the leg', 'hip bend', 'hip bends', 'hip flexion', 'bicycle legs', 'knee bending'],
    region: 'legs',
    group: 'legs',
    sided: true,
    limb: 'leg',
    position: LYING_ON_BACK,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'knee-and-heel',
        label: 'one hand under the knee, one on the heel',
        hands: 'Slide one hand under the knee, and hold the heel steady with the other.',
        steps: [
          'Slowly raise and bend the knee up toward the chest, kneecap facing the ceiling.',
          'Stop at the point of resistance, then slowly lower the leg back down.',
        ],
        movement: { kind: 'arc', out: 'bend', back: 'and lower' },
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'heavy',
    pace: HEAVY_PACE,
    dose: TEN_REPS,
    holdAllowed: true,
    safetyCue: "Keep the foot in line with the hip, and don't let the hip roll or twist.",
    generalCues: LIMB_CUES,
  },
  {
    id: 'hip-rotation',
    code: 'hr',
    name: 'hip rotation',
    synonyms: ['hip rotations', 'hip turn', 'hip turns', 'rotate the hip', 'turn the hip', 'hip roll', 'hip rolls', 'leg roll', 'leg rolls', 'roll the leg', 'leg turns', 'turn the leg in and out', 'hip twist', 'hip twists', 'hip internal and external rotation'],
    region: 'legs',
    group: 'legs',
    sided: true,
    limb: 'leg',
    position: LYING_ON_BACK,
    handsNeedConfirmation: false,
    // The handout gives two hand placements for the same movement.
    ways: [
      {
        id: 'thigh-and-knee',
        label: 'one hand on the thigh, one just below the knee',
        hands: 'Rest one hand on the thigh and the other just below the knee.',
        steps: [
          'Bend the hip and knee until the thigh points to the ceiling and the shin is level, or less at the first resistance.',
          'Slowly draw the foot toward you and back to the middle, then guide it away from you and back to the middle.',
        ],
        movement: { kind: 'sweep', one: 'foot toward you', middle: MIDDLE, other: 'foot away' },
        closing: 'Now lower the leg back to the bed.',
      },
      {
        id: 'knee-and-heel',
        label: 'holding the leg under the knee and the heel',
        hands: 'Hold the leg from below, one hand under the knee and the other under the heel.',
        steps: [
          'Bend the hip and knee until the thigh points to the ceiling and the shin is level, or less at the first resistance.',
          'Slowly guide the foot away from you and back to the middle, then draw it toward you and back to the middle.',
        ],
        movement: { kind: 'sweep', one: 'foot away', middle: MIDDLE, other: 'foot toward you' },
        closing: 'Now lower the leg back to the bed.',
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Never turn the hip past the point of resistance or pain.',
    generalCues: LIMB_CUES,
  },
  {
    id: 'hip-abduction',
    code: 'ha',
    name: 'side leg slide',
    synonyms: ['hip abduction', 'leg out to the side', 'leg to the side', 'slide the leg out', 'leg slide', 'leg slides', 'side leg slides', 'leg slide out', 'side slide', 'side slides', 'hip slide', 'hip slides', 'slide the leg', 'leg out and in', 'leg scissors', 'leg abduction', 'leg apart', 'legs apart'],
    region: 'legs',
    group: 'legs',
    sided: true,
    limb: 'leg',
    position: LYING_ON_BACK,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'knee-and-heel',
        label: 'one hand under the knee, one under the heel',
        hands: 'Cradle the leg with one hand holding under the knee and the other under the heel.',
        steps: [
          'With the knee kept straight, slide the leg out along the bed toward you, away from the other leg.',
          'Go about halfway out to the side, or less if you feel resistance first.',
          'Then slowly slide it back in beside the other leg.',
        ],
        movement: { kind: 'arc', out: 'slide out', back: 'and back in' },
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'heavy',
    pace: HEAVY_PACE,
    dose: TEN_REPS,
    holdAllowed: true,
    safetyCue: 'Keep the knee straight and the leg level with the bed, kneecap pointing up, and stop where you feel resistance.',
    generalCues: LIMB_CUES,
  },
  {
    id: 'ankle-rotation',
    code: 'ar',
    name: 'ankle turns',
    synonyms: ['ankle rotation', 'ankle rotations', 'ankle turn', 'turn the ankle', 'turn the foot', 'foot in and out', 'ankle circles', 'ankle circle', 'foot circles', 'foot circle', 'ankle rolls', 'ankle roll', 'circle the ankle', 'rotate the ankle', 'ankle twist', 'ankle twists', 'foot turns', 'foot rolls'],
    region: 'legs',
    group: 'legs',
    sided: true,
    limb: 'foot',
    position: LYING_ON_BACK,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'ankle-and-foot',
        label: 'one hand steadying the ankle, one around the foot',
        hands: 'Steady the ankle with one hand and cup the foot in the other.',
        steps: [
          'Keep the knee straight, and slowly turn the foot inward, then back to the middle.',
          'Then slowly turn it outward and back to the middle, stopping at any resistance.',
        ],
        movement: { kind: 'sweep', one: 'turn in', middle: MIDDLE, other: 'turn out' },
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Keep the ankle steady and turn the foot gently, only to the point of resistance.',
    generalCues: ONE_JOINT_CUES,
  },
  {
    id: 'toe-flexion-extension',
    code: 'to',
    name: 'toe bends',
    synonyms: ['toe flexion and extension', 'toe flexion', 'toe extension', 'toe stretch', 'toe curls', 'bend the toes', 'toes', 'toe curl', 'curl the toes', 'toe bend', 'toe wiggles', 'wiggle the toes', 'toe scrunches', 'scrunch the toes', 'toe stretches', 'toes up and down', 'toe flex'],
    region: 'legs',
    group: 'legs',
    sided: true,
    limb: 'foot',
    position: LYING_ON_BACK,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'foot-and-toes',
        label: 'one hand on the foot, one on the toes',
        hands: 'Hold the foot steady just below the toes, and take the toes in your other hand.',
        steps: [
          'Gently curl the toes forward, all together, then let them straighten.',
          'Then gently bend them back the other way, and let them straighten again.',
        ],
        movement: { kind: 'sweep', one: 'curl', middle: 'and straighten', other: 'toes back' },
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'small',
    pace: SMALL_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Move the toes gently, and stop at any resistance.',
    generalCues: ONE_JOINT_CUES,
  },
  {
    id: 'heel-cord-stretch',
    code: 'hc',
    name: 'heel cord stretch',
    synonyms: ['heel cord stretching', 'heel cord', 'calf stretch', 'achilles stretch', 'foot toward the knee', 'calf stretches', 'achilles stretches', 'heel stretch', 'heel stretches', 'foot stretch', 'heel cord stretches', 'flex the foot', 'foot flex', 'ankle pumps', 'ankle pump', 'foot pumps', 'push the foot up'],
    region: 'legs',
    group: 'legs',
    sided: true,
    limb: 'leg',
    position: LYING_ON_BACK,
    handsNeedConfirmation: false,
    // Left out, for the therapist to decide: the handout's "point the toes" (pushing the foot down). Its "knee bent,
    // then straight" is applied to this calf stretch instead, the usual clinical reading (soleus, then the whole calf).
    // A foot that rests in bed already tends to drop into the pointed position, so pointing it is not added without
    // the therapist; adding it would be a new catalog entry (README, "Exercise notes").
    ways: [
      {
        id: 'heel-and-forearm',
        label: 'heel in your hand, forearm on the ball of the foot',
        hands: 'Cup the heel in your hand, and rest that forearm against the ball of the foot.',
        steps: [
          'Using your forearm, slowly press the ball of the foot so the foot bends up toward the knee.',
          'Stop at a gentle stretch in the back of the leg, or sooner at the first resistance, and hold there.',
          'Then slowly ease the foot back to rest.',
        ],
        movement: { kind: 'arc', out: 'press', back: 'and ease off' },
      },
    ],
    // Both of the caregiver's hands are on the foot, so a pillow keeps the knee bent.
    stages: [
      { intro: 'First with the knee bent over a pillow.', label: 'with the knee bent' },
      { intro: 'Now take the pillow away, and again with the knee straight.', label: 'straight' },
    ],
    paceClass: 'large',
    pace: LARGE_PACE,
    dose: HOLD_30,
    holdAllowed: true,
    safetyCue: 'Press gently and steadily, and never go past the point of resistance.',
    generalCues: LIMB_CUES,
  },
  {
    id: 'hamstring-stretch',
    code: 'hs',
    name: 'hamstring stretch',
    synonyms: ['hamstrings', 'straight leg raise', 'straight leg lift', 'leg lift', 'leg raise', 'back of the thigh stretch', 'hamster stretch', 'hamstring', 'hamstring stretches', 'hammy stretch', 'hamstrings stretch', 'leg lifts', 'leg raises', 'straight leg raises', 'straight leg lifts', 'back of the leg stretch', 'straight leg stretch', 'lift the leg', 'raise the leg'],
    region: 'legs',
    group: 'legs',
    sided: true,
    limb: 'leg',
    position: LYING_ON_BACK,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'knee-and-heel',
        label: 'one hand at the knee, one under the heel',
        hands: 'Rest one hand on the front of the knee to keep it straight, and cup the heel with the other.',
        steps: [
          'Slowly lift the whole leg up off the bed, with the knee kept straight.',
          'Stop at a gentle stretch in the back of the thigh, or sooner at the first resistance, and hold there.',
          'Then slowly lower the leg back to the bed.',
        ],
        movement: { kind: 'arc', out: 'lift', back: 'and lower' },
        closing: 'Now rest the leg back down on the bed.',
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'heavy',
    pace: HEAVY_PACE,
    dose: HOLD_30,
    holdAllowed: true,
    safetyCue: 'Keep the knee straight and the leg supported, and stop at the point of resistance.',
    generalCues: LIMB_CUES,
  },

  // ---------------------------------------------------------------- trunk
  {
    id: 'lumbar-rotation',
    code: 'lr',
    name: 'knees side to side',
    synonyms: ['lumbar rotation', 'lower back rotation', 'lower back twist', 'trunk rotation', 'knee rolls', 'knees to the side', 'windshield wipers', 'windshield wiper', 'windscreen wipers', 'windscreen wiper', 'knee drops', 'knee drop', 'knee rock', 'knee rocks', 'knees over', 'roll the knees', 'knee roll', 'trunk twist', 'trunk twists', 'spinal twist', 'lower trunk rotation', 'lower back rotations'],
    region: 'neckAndTrunk',
    group: 'trunk',
    sided: false,
    position: LYING_ON_BACK,
    // The handout describes the movement but not where the caregiver's hands go.
    handsNeedConfirmation: true,
    ways: [
      {
        id: 'hands-on-knees',
        label: 'one hand on the outside of each knee',
        hands: 'Once the knees are bent, place one hand on the outside of each knee, holding them together.',
        steps: [
          'Bend both knees up, feet resting on the bed, and keep the knees together.',
          'Slowly lower both knees to their left, only as far as is comfortable, then bring them back up to the middle.',
          'Then lower them to their right, and back up to the middle.',
        ],
        movement: { kind: 'sweep', one: 'knees to their left', middle: MIDDLE, other: 'knees to their right' },
        closing: 'Now lay the legs back down on the bed.',
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'heavy',
    pace: HEAVY_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Lower the knees only as far as is comfortable for them, and stop at any resistance.',
    // Both hands move both knees: not "one joint at a time".
    generalCues: ['resistance', 'supported'],
  },

  // ---------------------------------------------------------------- arms
  {
    id: 'elbow-flexion-extension',
    code: 'el',
    name: 'elbow bend',
    synonyms: ['elbow flexion and extension', 'elbow flexion', 'elbow extension', 'elbow bends', 'bend the elbow', 'arm bend', 'arm curls', 'arm curl', 'bicep curl', 'bicep curls', 'elbow curl', 'elbow curls', 'arm bends', 'bend the arm', 'bend and straighten the elbow', 'elbow straightening'],
    region: 'arms',
    group: 'arms',
    sided: true,
    limb: 'arm',
    position: ARMS_POSITION,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'upper-arm-and-forearm',
        label: 'one hand on the upper arm, one on the forearm',
        hands: 'Steady the upper arm in one hand and take the forearm in the other.',
        steps: [
          'Slowly bend the elbow so the hand comes up toward the shoulder, stopping at any resistance.',
          'Then slowly straighten the elbow out again, again stopping at any resistance.',
        ],
        movement: { kind: 'arc', out: 'bend', back: 'and straighten' },
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Keep the upper arm supported the whole time, and stop at the point of resistance.',
    generalCues: ONE_JOINT_CUES,
  },
  {
    id: 'shoulder-flexion-extension',
    code: 'sf',
    name: 'overhead arm lift',
    synonyms: ['shoulder flexion and extension', 'shoulder flexion', 'arm over the head', 'arm overhead', 'arm raise', 'raise the arm', 'arm lift', 'arm lifts', 'arm raises', 'arms over the head', 'arm over head', 'overhead reach', 'overhead stretch', 'overhead lift', 'overhead lifts', 'shoulder raise', 'shoulder raises', 'shoulder lift', 'shoulder lifts', 'arms up', 'reach for the sky', 'arm up over the head'],
    region: 'arms',
    group: 'arms',
    sided: true,
    limb: 'arm',
    position: ARMS_POSITION,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'wrist-and-elbow',
        label: 'one hand at the wrist, one steadying the elbow',
        hands: 'Take the wrist in one hand and steady the elbow with the other.',
        steps: [
          'Keep the elbow nearly straight, with the palm turned in toward their side.',
          'Slowly raise the arm from their side up over the head, stopping at any resistance.',
          'Then slowly bring it back down to their side.',
        ],
        movement: { kind: 'arc', out: 'lift', back: 'and lower' },
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'heavy',
    pace: HEAVY_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Raise the arm slowly while watching their face, and stop at the first resistance or sign of pain.',
    generalCues: LIMB_CUES,
  },
  {
    id: 'shoulder-rotation',
    code: 'sr',
    name: 'shoulder rotation',
    synonyms: [
      'shoulder internal and external rotation',
      'shoulder internal rotation',
      'shoulder external rotation',
      'shoulder rotations',
      'shoulder turns',
      'turn the arm',
      'shoulder turn',
      'arm rotation',
      'arm rotations',
      'rotate the shoulder',
      'shoulder twist',
      'shoulder twists',
      'goal post',
      'goal posts',
      'goalpost',
      'arm rolls',
    ],
    region: 'arms',
    group: 'arms',
    sided: true,
    limb: 'arm',
    position: ARMS_POSITION,
    handsNeedConfirmation: false,
    // One wording for lying and sitting: lying down the forearm starts pointing up and turns toward the head of the
    // bed and toward the feet (the bed is in the way of the handout's "toward the floor"); sitting it starts
    // pointing forward and turns up to the ceiling and down to the floor. Either way the hand goes back, then forward.
    ways: [
      {
        id: 'elbow-and-forearm',
        label: 'one hand under the elbow, one on the forearm',
        hands: 'Support the elbow with one hand and hold the forearm near the wrist with the other.',
        steps: [
          'Bend the elbow to a right angle, and bring the upper arm out to the side, level with the shoulder, or lower at resistance.',
          'Lying down, rest the upper arm on the bed, forearm pointing up; sitting, hold the arm at that height, forearm pointing forward.',
          'Slowly turn the forearm back, so the hand moves toward the head of the bed, or up if they sit.',
          'Then turn it forward, so the hand moves toward their feet, or down toward the floor if they sit.',
        ],
        movement: { kind: 'sweep', one: 'hand back', middle: MIDDLE, other: 'hand forward' },
        closing: 'Now lower the arm to rest by their side.',
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Keep the elbow supported, turn slowly, and stop at the point of resistance.',
    generalCues: LIMB_CUES,
  },
  {
    id: 'horizontal-shoulder-abduction',
    code: 'sa',
    name: 'chest stretch',
    synonyms: ['horizontal shoulder abduction', 'hands behind the head', 'elbows to the bed', 'elbows down', 'chest opener', 'chest stretches', 'chest openers', 'elbows back', 'hands behind head', 'elbow flaps', 'wings', 'chicken wings', 'butterfly', 'butterflies', 'open the chest', 'elbows out'],
    region: 'arms',
    group: 'arms',
    // Both elbows go down together, so this is done once rather than once per side.
    sided: false,
    position: 'Have them lie on their back in bed.',
    // The handout places the patient's hands only; the caregiver's hands are ours. Its second picture, pulling the
    // arm across the chest, is not included: it would be a new exercise for the therapist to approve (README,
    // "Exercise notes"). Hands behind the head lift both shoulders at once, so only if the arms go there easily.
    handsNeedConfirmation: true,
    ways: [
      {
        id: 'hands-on-elbows',
        label: 'one hand on each elbow',
        hands: 'Stand at the head of the bed; your hands go on their elbows once their hands are in place.',
        steps: [
          'Gently bring their hands up to rest behind or on top of their head, only if the arms go there easily; if not, skip it.',
          'Then rest one of your hands on each of their elbows.',
          'Slowly ease both elbows down toward the bed, only to the point of resistance, and hold while it stays comfortable.',
          'The stretch is felt across the front of the chest.',
        ],
        movement: { kind: 'arc', out: 'elbows down', back: 'and ease up' },
        closing: 'Now let the elbows come up, and rest the arms by their sides.',
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'large',
    pace: LARGE_PACE,
    dose: { kind: 'hold', holdSeconds: 30, asTolerated: true },
    holdAllowed: true,
    safetyCue: 'Ease the elbows down gently and stop at resistance; they do not need to reach the bed.',
    // Two hands on two elbows: not "one joint at a time".
    generalCues: LIMB_CUES,
  },
  {
    id: 'finger-wrist-flexion-extension',
    code: 'fw',
    name: 'wrist and finger bend',
    synonyms: [
      'finger and wrist flexion and extension',
      'wrist flexion and extension',
      'finger flexion and extension',
      'wrist bend',
      'wrist bends',
      'finger stretch',
      'make a fist',
      'finger bends',
      'finger bend',
      'finger curls',
      'finger curl',
      'wrist and finger bends',
      'wrist and fingers',
      'finger and wrist bends',
      'fists',
      'making a fist',
      'open and close the hand',
      'hand open and close',
      'wrist curls',
      'wrist curl',
      'finger stretches',
      'wrist stretch',
      'wrist stretches',
      'hand stretch',
      'hand stretches',
    ],
    region: 'arms',
    group: 'arms',
    sided: true,
    limb: 'hand',
    position: ARMS_POSITION,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'forearm-and-fingers',
        label: 'one hand above the wrist, one holding the fingers',
        hands: 'Steady their forearm just above the wrist, and take their fingers in your other hand.',
        steps: [
          'Bend the wrist back as you straighten the fingers, only as far as it goes easily, stopping at the first resistance.',
          'Then, through the middle, bend the wrist forward as the fingers fold into a loose fist, only as far as it goes easily.',
        ],
        movement: { kind: 'sweep', one: 'wrist back', middle: MIDDLE, other: 'wrist forward' },
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Move the wrist and fingers slowly, and stop at the point of resistance.',
    generalCues: ONE_JOINT_CUES,
  },
  {
    id: 'thumb-flexion-extension',
    code: 'th',
    name: 'thumb stretch',
    synonyms: ['thumb flexion and extension', 'thumb flexion', 'thumb extension', 'thumb to little finger', 'thumb bends', 'web space stretch', 'thumb stretches', 'thumb bend', 'thumb to pinky', 'thumb to finger', 'thumb to fingers', 'thumb touches', 'thumb circles', 'thumb out', 'thumb wiggles'],
    region: 'arms',
    group: 'arms',
    sided: true,
    limb: 'hand',
    position: ARMS_POSITION,
    // The handout says what the thumb does but not where the caregiver's hands go.
    handsNeedConfirmation: true,
    ways: [
      {
        id: 'hand-and-thumb',
        label: 'one hand steadying their hand, one on the thumb',
        hands: 'Steady their hand with one of yours, and hold the thumb with the other.',
        steps: [
          'Gently bring the thumb across the palm toward the little finger, then back.',
          'Then ease the thumb out to the side, opening the web space between the thumb and first finger, and back.',
        ],
        movement: { kind: 'sweep', one: 'across', middle: 'and back', other: 'out to the side' },
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'small',
    pace: SMALL_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Move the thumb gently, and stop at any resistance.',
    generalCues: ONE_JOINT_CUES,
  },

  // ---------------------------------------------------------------- neck
  {
    id: 'neck-rotation',
    code: 'nr',
    name: 'neck turns',
    synonyms: ['neck rotation', 'neck rotations', 'neck turn', 'head turns', 'turn the head', 'look over the shoulder', 'head turn', 'neck twist', 'neck twists', 'head rotation', 'head rotations', 'look side to side', 'head side to side', 'turn the head side to side', 'chin to shoulder', 'look left and right'],
    region: 'neckAndTrunk',
    group: 'neck',
    sided: false,
    position: NECK_POSITION,
    // The handout gives no hand placement for the neck.
    handsNeedConfirmation: true,
    ways: [
      {
        id: 'head-supported',
        label: 'supporting the head with both hands',
        hands: NECK_HANDS,
        steps: [
          NECK_REST,
          'Slowly turn the head to their left, as if looking over their left shoulder, then back to the middle.',
          'Then turn it to their right and back to the middle; just turn it, never lift it or tip it back.',
        ],
        movement: { kind: 'sweep', one: 'turn to their left', middle: MIDDLE, other: 'to their right' },
        closing: 'Now let the head rest facing forward on the pillow.',
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'neck',
    pace: NECK_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Stop if they feel dizzy or have trouble swallowing; bring the chin toward the shoulder only if it gets there easily.',
    // Both hands hold the head, and "a painful or swollen joint" does not fit the neck.
    generalCues: ['resistance'],
  },
  {
    id: 'neck-flexion',
    code: 'nf',
    name: 'neck side tilt',
    synonyms: ['neck flexion', 'side neck flexion', 'neck side tilts', 'neck tilt', 'head tilt', 'tilt the head', 'ear to shoulder', 'neck tilts', 'head tilts', 'ear to the shoulder', 'neck side bend', 'neck side bends', 'neck bend', 'neck bends', 'head side tilt', 'side neck stretch', 'neck side stretch', 'tilt the head sideways', 'head to the side'],
    region: 'neckAndTrunk',
    group: 'neck',
    sided: false,
    position: NECK_POSITION,
    // The handout gives no hand placement for the neck.
    handsNeedConfirmation: true,
    ways: [
      {
        id: 'head-supported',
        label: 'supporting the head with both hands',
        hands: NECK_HANDS,
        steps: [
          NECK_REST,
          'Slowly tip the head toward their left shoulder, sliding it on the pillow, then back to the middle.',
          'Then tip it toward their right shoulder and back to the middle; never lift it or tip it forward or back.',
        ],
        movement: { kind: 'sweep', one: 'tilt to their left', middle: MIDDLE, other: 'to their right' },
        closing: 'Now let the head rest in the middle of the pillow.',
      },
    ],
    stages: SINGLE_STAGE,
    paceClass: 'neck',
    pace: NECK_PACE,
    dose: TEN_REPS,
    holdAllowed: false,
    safetyCue: 'Stop if they feel dizzy or have trouble swallowing; bring the ear toward the shoulder only if it gets there easily.',
    generalCues: ['resistance'],
  },
];
