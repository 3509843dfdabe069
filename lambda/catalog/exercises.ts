// The exercises of the passive range-of-motion handout, reworded for speech.
// Every string here is spoken to a caregiver whose hands are busy, so each is short and holds
// one instruction. Facts follow the handout; the wording is our own. Angles are only a guide:
// every step that names one also says that resistance comes first. catalog.ts validates this data.
import type { z } from 'zod';
import type { ExerciseSchema } from './schema';

export type ExerciseInput = z.input<typeof ExerciseSchema>;

const LYING_ON_BACK = 'Have them lie flat on their back.';
const ARMS_POSITION = 'They can sit in a chair or lie on their back.';
const NECK_POSITION = 'Have them sit well supported, or lie on their back, with the head supported.';
const SINGLE_STAGE = [{ intro: 'Here we go.' }];
const LARGE_PACE = { outSeconds: 3, pauseSeconds: 1, backSeconds: 3 };
const SMALL_PACE = { outSeconds: 2, pauseSeconds: 1, backSeconds: 2 };
const TEN_REPS = { kind: 'reps', reps: 10 } as const;
const HOLD_30 = { kind: 'hold', holdSeconds: 30, asTolerated: false } as const;

export const EXERCISE_DATA: readonly ExerciseInput[] = [
  // ---------------------------------------------------------------- legs
  {
    id: 'hip-knee-flexion',
    name: 'hip and knee bend',
    synonyms: ['hip and knee flexion', 'knee to chest', 'knee to the chest', 'knee bend', 'knee bends', 'bend the knee'],
    region: 'legs',
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
          'Keep the foot lined up with the hip, so it does not drift in or out.',
          'Stop at the point of resistance, then slowly lower the leg back down.',
        ],
        movement: { out: 'bend', back: 'and lower' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: "Keep the foot in line with the hip, and don't let the hip roll or twist.",
  },
  {
    id: 'hip-rotation',
    name: 'hip rotation',
    synonyms: ['hip rotations', 'hip turn', 'hip turns', 'rotate the hip', 'turn the hip'],
    region: 'legs',
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
          'Bend the knee up halfway toward the chest, to about 90 degrees at hip and knee, or less if you meet resistance first.',
          'Slowly draw the foot toward you, then guide it away from you.',
          'After the last one, lower the leg back to the bed.',
        ],
        movement: { out: 'foot toward you', back: 'and away' },
      },
      {
        id: 'knee-and-heel',
        label: 'holding the leg under the knee and the heel',
        hands: 'Hold the leg from below, one hand under the knee and the other under the heel.',
        steps: [
          'Bend the knee up halfway toward the chest, to about 90 degrees at hip and knee, or less if you meet resistance first.',
          'Slowly guide the foot away from you, then draw it back toward you.',
          'After the last one, lower the leg back to the bed.',
        ],
        movement: { out: 'foot away', back: 'and toward you' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Never turn the hip past the point of resistance or pain.',
  },
  {
    id: 'hip-abduction',
    name: 'side leg slide',
    synonyms: ['hip abduction', 'leg out to the side', 'leg to the side', 'slide the leg out', 'leg slide', 'leg slides'],
    region: 'legs',
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
          'Go up to about 45 degrees, or less if you feel resistance first.',
          'Then slowly slide it back in beside the other leg.',
        ],
        movement: { out: 'slide out', back: 'and back in' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Keep the knee straight and the leg resting on the bed, and stop where you feel resistance.',
  },
  {
    id: 'ankle-rotation',
    name: 'ankle turns',
    synonyms: ['ankle rotation', 'ankle rotations', 'ankle turn', 'turn the ankle', 'turn the foot', 'foot in and out'],
    region: 'legs',
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
          'Keep the knee straight, and slowly turn the foot inward.',
          'Then slowly turn it outward, stopping at any resistance.',
        ],
        movement: { out: 'turn in', back: 'and out' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Keep the ankle steady and turn the foot gently, only to the point of resistance.',
  },
  {
    id: 'toe-flexion-extension',
    name: 'toe bends',
    synonyms: ['toe flexion and extension', 'toe flexion', 'toe extension', 'toe stretch', 'toe curls', 'bend the toes', 'toes'],
    region: 'legs',
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
          'Gently curl the toes forward, all together or one at a time.',
          'Then gently bring them back the other way.',
        ],
        movement: { out: 'curl', back: 'and back' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'small',
    pace: SMALL_PACE,
    dose: TEN_REPS,
    safetyCue: 'Move the toes gently, and stop at any resistance.',
  },
  {
    id: 'heel-cord-stretch',
    name: 'heel cord stretch',
    synonyms: ['heel cord stretching', 'heel cord', 'calf stretch', 'achilles stretch', 'foot toward the knee'],
    region: 'legs',
    sided: true,
    limb: 'leg',
    position: LYING_ON_BACK,
    handsNeedConfirmation: false,
    // The handout's separate "point the toes" picture is a different movement and is not included here.
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
        movement: { out: 'press', back: 'and ease off' },
      },
    ],
    stages: [{ intro: 'First with the knee bent.' }, { intro: 'Now again, with the knee straight.' }],
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: HOLD_30,
    safetyCue: 'Press gently and steadily, and never go past the point of resistance.',
  },
  {
    id: 'hamstring-stretch',
    name: 'hamstring stretch',
    synonyms: ['hamstrings', 'straight leg raise', 'straight leg lift', 'leg lift', 'leg raise', 'back of the thigh stretch'],
    region: 'legs',
    sided: true,
    limb: 'leg',
    position: LYING_ON_BACK,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'knee-and-heel',
        label: 'one hand at the knee, one under the heel',
        hands: 'Support the knee with one hand and the heel with the other.',
        steps: [
          'Slowly lift the whole leg up off the bed, with the knee kept straight.',
          'Stop at a gentle stretch in the back of the thigh, or sooner at the first resistance, and hold there.',
          'Then slowly lower the leg back to the bed.',
        ],
        movement: { out: 'lift', back: 'and lower' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: HOLD_30,
    safetyCue: 'Keep the knee straight and the leg supported, and stop at the point of resistance.',
  },

  // ---------------------------------------------------------------- trunk
  {
    id: 'lumbar-rotation',
    name: 'knees side to side',
    synonyms: ['lumbar rotation', 'lower back rotation', 'lower back twist', 'trunk rotation', 'knee rolls', 'knees to the side'],
    region: 'neckAndTrunk',
    sided: false,
    position: LYING_ON_BACK,
    // The handout describes the movement but not where the caregiver's hands go.
    handsNeedConfirmation: true,
    ways: [
      {
        id: 'hands-on-knees',
        label: 'one hand on the outside of each knee',
        hands: 'Place one hand on the outside of each knee, holding the knees together.',
        steps: [
          'Bend both knees up, feet resting on the bed, and keep the knees together.',
          'Slowly lower both knees to one side, only as far as is comfortable.',
          'Bring them back up through the middle, then lower them to the other side.',
          'After the last one, bring the knees to the middle and lay the legs down.',
        ],
        movement: { out: 'to one side', back: 'and to the other' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Lower the knees only as far as is comfortable for them, and stop at any resistance.',
  },

  // ---------------------------------------------------------------- arms
  {
    id: 'elbow-flexion-extension',
    name: 'elbow bend',
    synonyms: ['elbow flexion and extension', 'elbow flexion', 'elbow extension', 'elbow bends', 'bend the elbow', 'arm bend'],
    region: 'arms',
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
        movement: { out: 'bend', back: 'and straighten' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Keep the upper arm supported the whole time, and stop at the point of resistance.',
  },
  {
    id: 'shoulder-flexion-extension',
    name: 'overhead arm lift',
    synonyms: ['shoulder flexion and extension', 'shoulder flexion', 'arm over the head', 'arm overhead', 'arm raise', 'raise the arm'],
    region: 'arms',
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
        movement: { out: 'lift', back: 'and lower' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Raise the arm slowly while watching their face, and stop at the first resistance or sign of pain.',
  },
  {
    id: 'shoulder-rotation',
    name: 'shoulder rotation',
    synonyms: [
      'shoulder internal and external rotation',
      'shoulder internal rotation',
      'shoulder external rotation',
      'shoulder rotations',
      'shoulder turns',
      'turn the arm',
    ],
    region: 'arms',
    sided: true,
    limb: 'arm',
    position: ARMS_POSITION,
    handsNeedConfirmation: false,
    ways: [
      {
        id: 'elbow-and-forearm',
        label: 'one hand under the elbow, one on the forearm',
        hands: 'Cup the elbow from underneath with one hand and hold the forearm with the other.',
        steps: [
          'With the elbow bent, move the upper arm out from the body until it is level with the shoulder, or lower if you meet resistance.',
          'Slowly turn the arm so the hand points up to the ceiling.',
          'Then slowly turn it back down so the hand points toward the floor, stopping at any resistance.',
        ],
        movement: { out: 'hand up', back: 'and down' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Keep the elbow supported, turn slowly, and stop at the point of resistance.',
  },
  {
    id: 'horizontal-shoulder-abduction',
    name: 'chest stretch',
    synonyms: ['horizontal shoulder abduction', 'hands behind the head', 'elbows to the bed', 'elbows down', 'chest opener'],
    region: 'arms',
    // Both elbows go down together, so this is done once rather than once per side.
    sided: false,
    position: 'Have them lie on their back in bed.',
    // The handout places the patient's hands only; the caregiver's hands are ours.
    handsNeedConfirmation: true,
    ways: [
      {
        id: 'hands-on-elbows',
        label: 'one hand on each elbow',
        hands: 'Rest one of your hands on each of their elbows.',
        steps: [
          'Gently place both of their hands behind their head, or above it.',
          'Slowly ease both elbows down toward the bed, only to the point of resistance.',
          'Hold there while it stays comfortable; the stretch is felt across the chest.',
          'Then let the elbows come back up and rest the arms by their sides.',
        ],
        movement: { out: 'elbows down', back: 'and ease up' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: { kind: 'hold', holdSeconds: 30, asTolerated: true },
    safetyCue: 'Ease the elbows down gently and stop at resistance; they do not need to reach the bed.',
  },
  {
    id: 'finger-wrist-flexion-extension',
    name: 'wrist and finger bend',
    synonyms: [
      'finger and wrist flexion and extension',
      'wrist flexion and extension',
      'finger flexion and extension',
      'wrist bend',
      'wrist bends',
      'finger stretch',
      'make a fist',
    ],
    region: 'arms',
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
          'Bend the wrist back as you straighten the fingers, up to about 90 degrees, or less if you feel resistance first.',
          'Then bend the wrist forward as the fingers fold into a loose fist, again to about 90 degrees, or less at the first resistance.',
        ],
        movement: { out: 'wrist back', back: 'and curl' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Move the wrist and fingers slowly, and stop at the point of resistance.',
  },
  {
    id: 'thumb-flexion-extension',
    name: 'thumb stretch',
    synonyms: ['thumb flexion and extension', 'thumb flexion', 'thumb extension', 'thumb to little finger', 'thumb bends', 'web space stretch'],
    region: 'arms',
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
          'Gently bring the thumb across the palm toward the little finger.',
          'Then ease the thumb back out to the side, opening the web space between the thumb and first finger.',
        ],
        movement: { out: 'across', back: 'and out' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'small',
    pace: SMALL_PACE,
    dose: TEN_REPS,
    safetyCue: 'Move the thumb gently, and stop at any resistance.',
  },

  // ---------------------------------------------------------------- neck
  {
    id: 'neck-rotation',
    name: 'neck turns',
    synonyms: ['neck rotation', 'neck rotations', 'neck turn', 'head turns', 'turn the head', 'look over the shoulder'],
    region: 'neckAndTrunk',
    sided: false,
    position: NECK_POSITION,
    // The handout gives no hand placement for the neck.
    handsNeedConfirmation: true,
    ways: [
      {
        id: 'head-supported',
        label: 'supporting the head with both hands',
        hands: 'Support their head with both hands.',
        steps: [
          'Slowly turn their head toward the left, as if looking over their left shoulder.',
          'Then slowly bring it round to look over their right shoulder.',
          'After the last one, bring the head back to face forward.',
        ],
        movement: { out: 'look left', back: 'and right' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Turn slowly, and bring the chin toward the shoulder only if it gets there easily.',
  },
  {
    id: 'neck-flexion',
    name: 'neck side tilt',
    synonyms: ['neck flexion', 'side neck flexion', 'neck side tilts', 'neck tilt', 'head tilt', 'tilt the head', 'ear to shoulder'],
    region: 'neckAndTrunk',
    sided: false,
    position: NECK_POSITION,
    // The handout gives no hand placement for the neck.
    handsNeedConfirmation: true,
    ways: [
      {
        id: 'head-supported',
        label: 'supporting the head with both hands',
        hands: 'Support their head with both hands.',
        steps: [
          'Slowly tip their head toward their left shoulder.',
          'Then bring it up through the middle and tip it toward their right shoulder.',
          'After the last one, bring the head back upright.',
        ],
        movement: { out: 'tilt left', back: 'and right' },
      },
    ],
    stages: SINGLE_STAGE,
    jointSize: 'large',
    pace: LARGE_PACE,
    dose: TEN_REPS,
    safetyCue: 'Tilt slowly, and bring the ear toward the shoulder only if it gets there easily.',
  },
];
