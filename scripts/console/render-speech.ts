// Turns the skill's SSML into readable text for the console: pauses shown, markup dropped, entities decoded.
import type { ui } from 'ask-sdk-model';
import { breakSeconds, tokenizeSsml } from './ssml-tokens';

// Tags that Alexa voices as a sentence or paragraph boundary, so their text must not run together.
const BLOCK_TAGS = new Set(['p', 's', 'speak']);

export function renderSsml(ssml: string): string {
  let text = '';
  let pendingPause = 0;
  const flushPause = (): void => {
    if (pendingPause > 0) text += ` [pause ${formatSeconds(pendingPause)}] `;
    pendingPause = 0;
  };
  for (const token of tokenizeSsml(ssml)) {
    if (token.kind === 'text') {
      // Whitespace between two breaks must not split them: Alexa hears one continuous silence.
      if (token.text.trim() === '') {
        text += ' ';
        continue;
      }
      flushPause();
      text += token.text;
    } else if (token.name === 'break') {
      if (token.kind !== 'close') pendingPause += breakSeconds(token.attributes);
    } else if (token.name === 'audio' && token.kind === 'empty') {
      flushPause();
      text += ' [audio] ';
    } else if (BLOCK_TAGS.has(token.name)) {
      text += ' ';
    }
  }
  flushPause();
  return text.replace(/\s+/g, ' ').replace(/\s+([,.;:!?])/g, '$1').trim();
}

export function renderOutputSpeech(speech: ui.OutputSpeech | undefined): string {
  if (speech === undefined) return '';
  return speech.type === 'SSML' ? renderSsml(speech.ssml) : speech.text.replace(/\s+/g, ' ').trim();
}

/** "10s", "1.5s", "500ms": whole seconds stay whole, sub-second pauses read better in ms. */
export function formatSeconds(seconds: number): string {
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  const rounded = Math.round(seconds * 10) / 10;
  return `${rounded}s`;
}
