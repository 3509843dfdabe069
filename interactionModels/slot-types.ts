// Slot types: the exercise names and synonyms come straight from the catalog.
import { CATALOG } from '../lambda/catalog/catalog';
import { SLOT_TYPES } from '../lambda/intents';
import type { ModelSlotType } from './model-types';

const value = (id: string, name: string, synonyms: readonly string[] = []) => ({
  id,
  name: { value: name, ...(synonyms.length > 0 ? { synonyms: [...synonyms] } : {}) },
});

export function exerciseSlotType(): ModelSlotType {
  return {
    name: SLOT_TYPES.exercise,
    values: CATALOG.map((e) => value(e.id, e.name.toLowerCase(), e.synonyms.filter((s) => s !== e.name.toLowerCase()))),
  };
}

export function routineSlotType(): ModelSlotType {
  return {
    name: SLOT_TYPES.routine,
    values: [
      value('legs', 'legs', ['leg', 'the legs', 'lower body', 'leg routine', 'leg stretches']),
      value('arms', 'arms', ['arm', 'the arms', 'upper body', 'arm routine', 'arm stretches']),
      value('everything', 'everything', ['all', 'all of them', 'both', 'full routine', 'whole routine', 'the whole thing', 'all the exercises']),
    ],
  };
}

export function sideSlotType(): ModelSlotType {
  return {
    name: SLOT_TYPES.side,
    values: [
      value('right', 'right', ['right side', 'the right', 'right leg', 'right arm', 'right hand', 'right foot']),
      value('left', 'left', ['left side', 'the left', 'left leg', 'left arm', 'left hand', 'left foot']),
    ],
  };
}

/** Accepted when volunteered during a pain stop; stored only with HEALTH_LOG=detailed, never interpreted. */
export function bodyPartSlotType(): ModelSlotType {
  const parts: Array<[string, string[]]> = [
    ['knee', ['knees']], ['hip', ['hips']], ['ankle', ['ankles']], ['foot', ['feet']], ['toes', ['toe']],
    ['leg', ['legs', 'thigh', 'calf', 'shin']], ['back', ['lower back', 'spine']], ['shoulder', ['shoulders']],
    ['elbow', ['elbows']], ['arm', ['arms', 'upper arm', 'forearm']], ['wrist', ['wrists']], ['hand', ['hands']],
    ['fingers', ['finger']], ['thumb', ['thumbs']], ['neck', []], ['head', []], ['chest', []],
  ];
  return { name: SLOT_TYPES.bodyPart, values: parts.map(([id, synonyms]) => value(id, id, synonyms)) };
}
