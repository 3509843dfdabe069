// The words said inside a set, around the exercise's own movement words: one copy, timed by the engine and spoken
// by the speech layer (lambda/engine/set-timeline.ts).
export const SET_WORDS = {
  interruptHint: 'To stop during a set, say Alexa, then stop, or Alexa, that hurts.',
  holdMoveIn: 'Slowly move into the stretch, only to the point of resistance.',
  holdNow: 'Hold it there.',
  holdEaseBack: 'And slowly ease back.',
} as const;
