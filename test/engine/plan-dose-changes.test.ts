// Voice changes narrow the therapist's plan: the ceiling is the plan's own dose, whatever was changed by voice before.
import { handoutPlan, TherapistPlanSchema, type TherapistPlan } from '../../lambda/engine/therapist-plan';
import type { PlanChange } from '../../lambda/engine/types';
import { driver, find } from '../support/engine';

function plan(exercises: TherapistPlan['exercises']): TherapistPlan {
  return TherapistPlanSchema.parse({ ...handoutPlan(), reviewedOn: '2026-11-20', buildUp: false, exercises });
}

function change(d: ReturnType<typeof driver>, requested: PlanChange) {
  const asked = d.send({ type: 'PlanChangeRequested', change: requested });
  const refused = find(asked, 'PlanChangeRefused');
  if (refused !== undefined) return refused.reason;
  d.send({ type: 'YesSaid' });
  return 'applied';
}

function doseOf(d: ReturnType<typeof driver>, exerciseId: string) {
  d.send({ type: 'StartRoutineRequested', routine: 'everything' });
  return find(d.send({ type: 'GoToRequested', exerciseId, side: null }), 'SetUp')?.step.dose;
}

describe('voice changes to the dose', () => {
  it('never goes above the plan after switching a repetitions exercise to a hold and back', () => {
    const d = driver({ plan: plan([{ id: 'hip-knee-flexion', reps: 3 }]) });
    expect(change(d, { kind: 'useHold', exerciseId: 'hip-knee-flexion' })).toBe('applied');

    expect(change(d, { kind: 'setReps', exerciseId: 'hip-knee-flexion', reps: 10 })).toBe('aboveDose');
    expect(doseOf(d, 'hip-knee-flexion')).toMatchObject({ kind: 'hold' });
  });

  it('keeps a hold at the plan hold after a switch to repetitions and back', () => {
    const d = driver({ plan: plan([{ id: 'hamstring-stretch', holdSeconds: 10 }]) });
    change(d, { kind: 'setReps', exerciseId: 'hamstring-stretch', reps: 3 });
    change(d, { kind: 'useHold', exerciseId: 'hamstring-stretch' });

    expect(doseOf(d, 'hamstring-stretch')).toMatchObject({ kind: 'hold', holdSeconds: 10 });
  });

  it('switches a repetitions exercise to a short starting hold, not the handout maximum', () => {
    const d = driver({ plan: plan([{ id: 'hip-knee-flexion', reps: 8 }]) });
    change(d, { kind: 'useHold', exerciseId: 'hip-knee-flexion' });

    const dose = doseOf(d, 'hip-knee-flexion');
    expect(dose?.kind).toBe('hold');
    expect(dose?.kind === 'hold' && dose.holdSeconds).toBeLessThanOrEqual(10);
  });

  it('lets the caregiver raise a narrowed dose back toward the plan', () => {
    const d = driver({ plan: plan([{ id: 'hip-knee-flexion', reps: 8 }]) });
    change(d, { kind: 'setReps', exerciseId: 'hip-knee-flexion', reps: 3 });

    expect(change(d, { kind: 'setReps', exerciseId: 'hip-knee-flexion', reps: 5 })).toBe('applied');
    expect(doseOf(d, 'hip-knee-flexion')).toEqual({ kind: 'reps', reps: 5 });
    expect(change(d, { kind: 'setReps', exerciseId: 'hip-knee-flexion', reps: 9 })).toBe('aboveDose');
  });

  it('refuses a hold for a movement that goes two ways, and keeps its repetitions', () => {
    const d = driver({ plan: plan([{ id: 'neck-rotation', reps: 5 }, { id: 'ankle-rotation' }]) });

    expect(change(d, { kind: 'useHold', exerciseId: 'neck-rotation' })).toBe('holdNotAllowed');
    expect(change(d, { kind: 'useHold', exerciseId: 'ankle-rotation' })).toBe('holdNotAllowed');
    expect(doseOf(d, 'neck-rotation')).toEqual({ kind: 'reps', reps: 5 });
  });

  it('ignores a hold on a two-way movement made by voice before holds were kept to the stretches', () => {
    const d = driver({ plan: plan([{ id: 'neck-rotation', reps: 5 }]) });
    d.state = { ...d.state, planOverrides: { excluded: [], doses: { 'neck-rotation': { kind: 'hold', holdSeconds: 10, asTolerated: false } } } };

    expect(doseOf(d, 'neck-rotation')).toEqual({ kind: 'reps', reps: 5 });
  });

  it('ignores a hold on a two-way movement in a plan stored before import refused them', () => {
    const d = driver({ plan: plan([{ id: 'neck-rotation', holdSeconds: 20 }]) });

    expect(doseOf(d, 'neck-rotation')).toEqual({ kind: 'reps', reps: 10 });
  });
});
