// How long words take to say: the one estimate the engine times sets by and the console's clock plays speech by.

/** About 150 words a minute, Alexa's default rate. */
export const MS_PER_SPOKEN_WORD = 400;

export function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** Words said at the voice rate the caregiver chose ("speak more slowly" stretches them, never the pauses). */
export function wordsMs(words: number, voiceRatePercent: number): number {
  return Math.round((words * MS_PER_SPOKEN_WORD * 100) / Math.max(1, voiceRatePercent));
}
