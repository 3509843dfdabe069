// How plan changes and the plan itself are spoken.
import { spokenDate } from './calendar-words';
import type { Act, PlanChange, Program } from '../engine/types';
import type { LocaleStrings } from './locales/en-US';
import { capitalize, exerciseName } from './step-names';

/** Past this many, the plan says how many exercises are still building up rather than naming them. */
const LISTED_BUILDING = 3;

/** What a change is about: "the neck exercises", or one exercise's name. */
export function changeSubject(change: PlanChange, s: LocaleStrings): string {
  if (change.kind === 'setReps' || change.kind === 'useHold') return exerciseName(change.exerciseId);
  if (change.group !== null) return `the ${s.groupNames[change.group] ?? change.group}`;
  return change.exerciseIds.map(exerciseName).join(' and ');
}

/** A group ("the neck exercises") or several exercises are spoken of as "them". */
function isPlural(change: Extract<PlanChange, { kind: 'leaveOut' | 'putBack' }>): boolean {
  return change.group !== null || change.exerciseIds.length > 1;
}

export function planChanged(change: PlanChange, s: LocaleStrings): string {
  const subject = capitalize(changeSubject(change, s));
  switch (change.kind) {
    case 'leaveOut':
      return s.planLeftOut(subject, isPlural(change));
    case 'putBack':
      return s.planPutBack(subject, isPlural(change));
    case 'setReps':
      return s.planReps(subject, change.reps);
    case 'useHold':
      return s.planHold(subject);
  }
}

export function planRefused(act: Extract<Act, { type: 'PlanChangeRefused' }>, s: LocaleStrings): string {
  switch (act.reason) {
    case 'aboveDose':
      return s.planAboveDose(s.therapist);
    case 'notInPlan':
      return s.planNotInPlan(capitalize(changeSubject(act.change, s)), s.therapist);
    case 'nothingToChange':
      return s.planNothingToChange;
    case 'declined':
      return s.planDeclined;
    case 'holdNotAllowed':
      return s.planHoldNotAllowed(capitalize(changeSubject(act.change, s)));
  }
}

export function confirmChange(change: PlanChange, s: LocaleStrings): string {
  const subject = changeSubject(change, s);
  switch (change.kind) {
    case 'leaveOut':
      return s.prompts.confirmLeaveOut(subject);
    case 'putBack':
      return s.prompts.confirmPutBack(subject);
    case 'setReps':
      return s.prompts.confirmReps(subject, change.reps);
    case 'useHold':
      return s.prompts.confirmHold(subject);
  }
}

export function planDescribed(program: Program, excluded: readonly string[], s: LocaleStrings): string[] {
  const lines = [s.planCount(program.exerciseIds.length)];
  if (excluded.length > 0) lines.push(s.planLeftOutList(excluded.map(exerciseName)));
  const oneSide = Object.entries(program.sides).filter(([, sides]) => sides.length === 1);
  if (oneSide.length > 0) lines.push(s.planOneSide(oneSide.map(([id, sides]) => `${exerciseName(id)}, ${sides[0]} side`)));
  const building = program.exerciseIds.filter((id) => {
    const today = program.doses[id];
    const target = program.targetDoses[id];
    return today !== undefined && target !== undefined && JSON.stringify(today) !== JSON.stringify(target);
  });
  if (building.length > LISTED_BUILDING) lines.push(s.planMostBuildingUp(building.length));
  else if (building.length > 0) lines.push(s.planBuildingUp(building.map(exerciseName)));
  lines.push(program.reviewedOn === null ? s.planNoFile(s.therapist) : s.planReviewed(`on ${spokenDate(program.reviewedOn)}`, s.therapist));
  return lines;
}

