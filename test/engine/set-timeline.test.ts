import { exerciseById } from '../../lambda/catalog/catalog';
import { HOLD_MOVE_IN_SECONDS, PACE_FLOOR } from '../../lambda/catalog/schema';
import { effectivePace, PACE_FACTOR } from '../../lambda/engine/pace';
import { HOLD_COUNT_EVERY_S, REP_GAP_MS, setTimeline, timelineMs, type Beat } from '../../lambda/engine/set-timeline';
import type { Dose } from '../../lambda/catalog/schema';
import type { PlannedStep } from '../../lambda/engine/types';

function step(exerciseId: string, dose: Dose, wayId?: string): PlannedStep {
  const exercise = exerciseById(exerciseId);
  return { exerciseId, side: exercise.sided ? 'right' : null, wayId: wayId ?? exercise.ways[0]!.id, dose };
}

function timeline(exerciseId: string, dose: Dose, factor = 1): Beat[] {
  return setTimeline(step(exerciseId, dose), effectivePace(exerciseById(exerciseId).pace, factor), false);
}

const said = (beats: readonly Beat[]) => beats.filter((b) => b.kind !== 'silence').map((b) => (b.kind === 'count' ? String(b.n) : b.text));
const silences = (beats: readonly Beat[]) => beats.filter((b): b is Extract<Beat, { kind: 'silence' }> => b.kind === 'silence').map((b) => b.ms);

describe('setTimeline', () => {
  it('counts a sweep in four beats: to their left, back to the middle, to their right, back to the middle', () => {
    const beats = timeline('neck-rotation', { kind: 'reps', reps: 2 });

    expect(said(beats)).toEqual([
      'turn to their left', 'back to the middle', 'to their right', 'back to the middle', '1',
      'turn to their left', 'back to the middle', 'to their right', 'back to the middle', '2',
      'Now let the head rest facing forward on the pillow.',
    ]);
    // To each end: the move and the pause there; back to the middle: the move.
    expect(silences(beats)).toEqual([7000, 5000, 7000, 5000, REP_GAP_MS, 7000, 5000, 7000, 5000, 5000]);
  });

  it('counts an arc in two beats, out and back', () => {
    const beats = timeline('elbow-flexion-extension', { kind: 'reps', reps: 1 });

    expect(said(beats)).toEqual(['bend', 'and straighten', '1']);
    expect(silences(beats)).toEqual([4000, 3000]);
  });

  it('gives each beat of a sweep half the range, so no beat moves faster than the first', () => {
    for (const id of ['hip-rotation', 'ankle-rotation', 'shoulder-rotation', 'finger-wrist-flexion-extension', 'lumbar-rotation', 'neck-flexion']) {
      const beats = timeline(id, { kind: 'reps', reps: 1 });
      const moves = silences(beats.slice(0, beats.findIndex((b) => b.kind === 'count')));

      expect({ id, beats: moves.length }).toEqual({ id, beats: 4 });
      expect(Math.min(...moves)).toBeGreaterThanOrEqual(exerciseById(id).pace.backSeconds * 1000);
    }
  });

  it('moves the heavy long arcs at least 4 s each way with a 2 s pause, and the neck slowest', () => {
    for (const id of ['hip-knee-flexion', 'hip-abduction', 'shoulder-flexion-extension', 'lumbar-rotation']) {
      const pace = effectivePace(exerciseById(id).pace, 1);
      expect({ id, out: pace.outMs >= 4000, pause: pace.pauseMs >= 2000, back: pace.backMs >= 4000 }).toEqual({ id, out: true, pause: true, back: true });
    }
    const neck = effectivePace(exerciseById('neck-rotation').pace, 1);
    expect(neck.outMs).toBeGreaterThan(PACE_FLOOR.heavy.outSeconds * 1000);
  });

  it('says the closing action after the last count, with time to do it', () => {
    const beats = timeline('hip-rotation', { kind: 'reps', reps: 3 });
    const lastCount = beats.findIndex((b) => b.kind === 'count' && b.n === 3);

    expect(beats.slice(lastCount + 1)).toEqual([
      { kind: 'sentence', text: 'Now lower the leg back to the bed.' },
      { kind: 'silence', ms: effectivePace(exerciseById('hip-rotation').pace, 1).backMs },
    ]);
    expect(said(timeline('elbow-flexion-extension', { kind: 'reps', reps: 3 })).at(-1)).toBe('3');
  });

  it('gives 5 s to move into a hold and counts every 5 s, a 30 s hold too', () => {
    const beats = timeline('hamstring-stretch', { kind: 'hold', holdSeconds: 30, asTolerated: false });

    expect(said(beats).filter((text) => /^\d+$/.test(text))).toEqual(['5', '10', '15', '20', '25', '30']);
    expect(beats[1]).toEqual({ kind: 'silence', ms: HOLD_MOVE_IN_SECONDS * 1000 });
    expect(HOLD_COUNT_EVERY_S).toBe(5);
  });

  it('gives the second stage of the heel-cord stretch time to change position', () => {
    const beats = timeline('heel-cord-stretch', { kind: 'hold', holdSeconds: 10, asTolerated: false });
    const second = beats.findIndex((b) => b.kind === 'sentence' && /knee straight/.test(b.text));

    expect(beats[second + 1]).toEqual({ kind: 'silence', ms: HOLD_MOVE_IN_SECONDS * 1000 });
  });

  it('stretches every beat with "slower", and "faster" never goes below the catalog pace', () => {
    const normal = timeline('neck-rotation', { kind: 'reps', reps: 3 });
    const slowest = timeline('neck-rotation', { kind: 'reps', reps: 3 }, PACE_FACTOR.max);
    const tooFast = timeline('neck-rotation', { kind: 'reps', reps: 3 }, 0.5);

    expect(silences(tooFast)).toEqual(silences(normal));
    expect(timelineMs(slowest, 100)).toBeGreaterThan(timelineMs(normal, 100));
    expect(Math.min(...silences(normal).filter((ms) => ms !== REP_GAP_MS))).toBeGreaterThanOrEqual(PACE_FLOOR.neck.backSeconds * 1000);
  });

  it('times the words too, the closing action included', () => {
    const withClosing = timeline('hip-rotation', { kind: 'reps', reps: 1 });
    const ms = timelineMs(withClosing, 100);

    expect(ms).toBeGreaterThan(silences(withClosing).reduce((a, b) => a + b, 0));
  });
});
