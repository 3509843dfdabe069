// "Slower", "faster" and "speak more slowly": remembered preferences, bounded by the catalog's floor.
import type { Move } from './moves';
import { clampPaceFactor, PACE_FACTOR } from './pace';
import { VOICE_RATE } from './state';
import type { RoutineState } from './types';

export function changePace(state: RoutineState, direction: 'slower' | 'faster'): Move {
  const delta = direction === 'slower' ? PACE_FACTOR.step : -PACE_FACTOR.step;
  const paceFactor = clampPaceFactor(state.prefs.paceFactor + delta);
  const limit = paceFactor === PACE_FACTOR.max ? 'slowest' : paceFactor === PACE_FACTOR.min ? 'fastest' : null;
  return {
    state: { ...state, prefs: { ...state.prefs, paceFactor } },
    acts: [{ type: 'PaceChanged', direction, paceFactor, limit }],
  };
}

export function changeVoiceRate(state: RoutineState, direction: 'slower' | 'normal'): Move {
  const voiceRatePercent =
    direction === 'normal' ? VOICE_RATE.normal : Math.max(VOICE_RATE.min, state.prefs.voiceRatePercent - VOICE_RATE.step);
  const limit = voiceRatePercent === VOICE_RATE.min ? 'slowest' : null;
  return {
    state: { ...state, prefs: { ...state.prefs, voiceRatePercent } },
    acts: [{ type: 'VoiceRateChanged', voiceRatePercent, limit }],
  };
}
