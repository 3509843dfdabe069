// A therapist's plan newer than the one the caregiver's voice changes were made against replaces them: the
// changes are cleared, and the turn says once that the new plan is in use.
import type { TherapistPlan } from './therapist-plan';
import type { ContentAct, RoutineState } from './types';

const NO_OVERRIDES: RoutineState['planOverrides'] = { excluded: [], doses: {} };

/**
 * The state following this turn's plan (null: the handout's; call only when the plan is known). A state that has
 * not recorded a plan yet (a new user, or one from before planFollowed) takes the plan as it is, silently: its
 * voice changes may well have been made against it. The handout counts as older than any therapist's plan.
 */
export function followPlan(state: RoutineState, plan: TherapistPlan | null): { state: RoutineState; acts: ContentAct[] } {
  const reviewedOn = plan === null ? null : plan.reviewedOn;
  const followed = state.planFollowed;
  if (followed !== null && followed.reviewedOn === reviewedOn) return { state, acts: [] };
  const next: RoutineState = { ...state, planFollowed: { reviewedOn } };
  const newer = followed !== null && reviewedOn !== null && (followed.reviewedOn === null || reviewedOn > followed.reviewedOn);
  if (!newer) return { state: next, acts: [] };
  const { excluded, doses } = state.planOverrides;
  const voiceChangesCleared = excluded.length > 0 || Object.keys(doses).length > 0;
  return {
    state: voiceChangesCleared ? { ...next, planOverrides: NO_OVERRIDES } : next,
    acts: [{ type: 'NewPlanInUse', reviewedOn, voiceChangesCleared }],
  };
}

const GREETINGS: ReadonlySet<ContentAct['type']> = new Set<ContentAct['type']>(['Intro', 'Welcome', 'NewDay', 'WelcomeBack']);

/** The notice goes first, after the greeting when the turn opens with one. */
export function withNotice(notice: readonly ContentAct[], said: readonly ContentAct[]): ContentAct[] {
  const greeted = said[0] !== undefined && GREETINGS.has(said[0].type) ? 1 : 0;
  return [...said.slice(0, greeted), ...notice, ...said.slice(greeted)];
}
