// Estimates how long Alexa takes to play a response, so the console's simulated clock moves like a real Echo's.
// The skill judges "was this set interrupted?" from request timestamps, so this estimate drives that logic locally.
import type { Response, ui } from 'ask-sdk-model';
import { countWords, MS_PER_SPOKEN_WORD } from '../../lambda/engine/spoken-time';
import { breakSeconds, tokenizeSsml } from './ssml-tokens';

/** The skill's own estimate (lambda/engine/spoken-time.ts), so the console plays a set as long as the engine times it. */
export const SECONDS_PER_WORD = MS_PER_SPOKEN_WORD / 1000;
export { countWords };

// Relative speaking rates for <prosody rate>; Alexa does not publish the named ones, these are estimates.
const NAMED_RATES: Record<string, number> = { 'x-slow': 0.6, slow: 0.8, medium: 1, fast: 1.25, 'x-fast': 1.5 };

export function estimateSsmlSeconds(ssml: string): number {
  let seconds = 0;
  const rates: number[] = [];
  // Inside <sub alias="...">, Alexa says the alias instead of the text.
  let subDepth = 0;
  for (const token of tokenizeSsml(ssml)) {
    const rate = rates[rates.length - 1] ?? 1;
    if (token.kind === 'text') {
      if (subDepth === 0) seconds += (countWords(token.text) * SECONDS_PER_WORD) / rate;
    } else if (token.name === 'break') {
      if (token.kind !== 'close') seconds += breakSeconds(token.attributes);
    } else if (token.name === 'prosody') {
      if (token.kind === 'open') rates.push(parseRate(token.attributes.rate) ?? rate);
      else if (token.kind === 'close') rates.pop();
    } else if (token.name === 'sub') {
      if (token.kind === 'open') {
        seconds += (countWords(token.attributes.alias ?? '') * SECONDS_PER_WORD) / rate;
        subDepth += 1;
      } else if (token.kind === 'close') subDepth = Math.max(0, subDepth - 1);
    }
  }
  return seconds;
}

export function estimateOutputSpeechSeconds(speech: ui.OutputSpeech | undefined): number {
  if (speech === undefined) return 0;
  return speech.type === 'SSML' ? estimateSsmlSeconds(speech.ssml) : countWords(speech.text) * SECONDS_PER_WORD;
}

/** What plays after the request: the output speech only (a reprompt plays only if the user stays silent). */
export function estimateResponseSpeechMs(response: Pick<Response, 'outputSpeech'> | undefined): number {
  return Math.round(estimateOutputSpeechSeconds(response?.outputSpeech) * 1000);
}


function parseRate(rate: string | undefined): number | undefined {
  if (rate === undefined) return undefined;
  const named = NAMED_RATES[rate.trim().toLowerCase()];
  if (named !== undefined) return named;
  const percent = /^\s*(\d+(?:\.\d+)?)%\s*$/.exec(rate);
  return percent ? Math.max(0.2, Number(percent[1]) / 100) : undefined;
}
