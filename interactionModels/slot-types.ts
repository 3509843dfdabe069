// Slot types: the exercise names and synonyms come straight from the catalog, the region ids are its groups.
import { BODY_PARTS } from '../lambda/catalog/body-parts';
import { CATALOG } from '../lambda/catalog/catalog';
import { GROUPS, type Group } from '../lambda/catalog/schema';
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
      // "write" and "rite": how a speech recogniser may write "right" (issue 12).
      value('right', 'right', ['right side', 'the right', 'right leg', 'right arm', 'right hand', 'right foot', 'write', 'write side', 'write leg', 'write arm', 'rite', 'rite side']),
      value('left', 'left', ['left side', 'the left', 'left leg', 'left arm', 'left hand', 'left foot']),
    ],
  };
}

/** Accepted when volunteered during a pain stop; stored only with HEALTH_LOG=detailed, never interpreted. */
export function bodyPartSlotType(): ModelSlotType {
  return { name: SLOT_TYPES.bodyPart, values: BODY_PARTS.map((part) => value(part.id, part.id, part.synonyms)) };
}

/** What a caregiver calls each group of exercises; the ids are exactly the catalog's GROUPS. */
const GROUP_WORDS: Record<Group, { name: string; words: readonly string[]; extra: readonly string[] }> = {
  legs: { name: 'legs', words: ['leg', 'legs'], extra: ['the legs', 'foot exercises', 'feet and ankles', 'ankle ones'] },
  trunk: {
    name: 'trunk',
    words: ['trunk', 'back', 'lower back'],
    extra: ['the trunk', 'the back', 'the lower back', 'back twist', 'back twists'],
  },
  arms: {
    name: 'arms',
    words: ['arm', 'arms', 'hand', 'hands', 'shoulder'],
    extra: ['the arms', 'hand and finger ones', 'finger exercises', 'upper body ones'],
  },
  neck: { name: 'neck', words: ['neck', 'head and neck'], extra: ['the neck', 'the head and neck'] },
};

/** A group of exercises, named to skip today, leave out or put back: "the neck ones", "the leg exercises". */
export function regionSlotType(): ModelSlotType {
  return {
    name: SLOT_TYPES.region,
    values: GROUPS.map((group) => {
      const { name, words, extra } = GROUP_WORDS[group];
      const phrases = words.flatMap((w) => [w, `${w} ones`, `${w} exercises`, `${w} stretches`]);
      return value(group, name, [...new Set([...phrases, ...extra])].filter((p) => p !== name));
    }),
  };
}

/** The span a summary covers: today (also "so far") or the last seven days. */
export function periodSlotType(): ModelSlotType {
  return {
    name: SLOT_TYPES.period,
    values: [
      value('today', 'today', ['so far', 'so far today', 'daily']),
      value('week', 'this week', [
        'the week', 'the last seven days', 'the past week', 'the past seven days', 'the last week', 'this past week',
        'weekly', 'the whole week', 'week', 'over the week',
      ]),
    ],
  };
}
