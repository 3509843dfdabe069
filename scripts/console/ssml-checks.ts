// Problems that make Alexa reject a response's speech, caught locally instead of on a device.
import type { ui } from 'ask-sdk-model';
import { breakSeconds, tokenizeSsml } from './ssml-tokens';

const MAX_SPEECH_CHARACTERS = 8000;
const MAX_BREAK_SECONDS = 10;

export function checkOutputSpeech(speech: ui.OutputSpeech | undefined, label = 'speech'): string[] {
  if (speech === undefined) return [];
  const text = speech.type === 'SSML' ? speech.ssml : speech.text;
  const warnings: string[] = [];
  if (text.length > MAX_SPEECH_CHARACTERS) {
    warnings.push(`${label} is ${text.length} characters; Alexa allows ${MAX_SPEECH_CHARACTERS}`);
  }
  if (speech.type !== 'SSML') return warnings;

  const ssml = speech.ssml.trim();
  if (!ssml.startsWith('<speak>') || !ssml.endsWith('</speak>')) warnings.push(`${label} SSML is not wrapped in <speak>`);
  if (/&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z]+;)/.test(ssml.replace(/<[^>]*>/g, ''))) {
    warnings.push(`${label} SSML has a bare "&"; Alexa needs &amp;`);
  }
  const open: string[] = [];
  let balanced = true;
  for (const token of tokenizeSsml(ssml)) {
    if (token.kind === 'open') open.push(token.name);
    if (token.kind === 'close' && balanced && open.pop() !== token.name) {
      warnings.push(`${label} SSML closes <${token.name}> out of order`);
      balanced = false;
    }
    if (token.kind === 'text' || token.kind === 'close' || token.name !== 'break') continue;
    const seconds = breakSeconds(token.attributes);
    if (seconds > MAX_BREAK_SECONDS) {
      warnings.push(`${label} has a ${seconds}s break; Alexa allows ${MAX_BREAK_SECONDS}s per break`);
    }
  }
  if (balanced && open.length > 0) warnings.push(`${label} SSML leaves <${open.join('>, <')}> open`);
  return warnings;
}
