// Alexa's interaction-model rules (reference §3), checked on every generated model. Returns problems.
import { InteractionModelSchema, type InteractionModel } from './model-types';

const REQUIRED_BUILT_INS = ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.HelpIntent', 'AMAZON.NavigateHomeIntent', 'AMAZON.FallbackIntent'];
const LAUNCH_WORDS = ['ask', 'tell', 'open', 'launch', 'enable', 'begin', 'start', 'load', 'run', 'resume', 'use', 'play'];
const WAKE_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'skill', 'app'];
const SAMPLE_CHARS = /^[\p{L} ._'\-{}]+$/u;
const MAX_SAMPLE_CHARS = 200;
const MAX_SLOT_VALUE_CHARS = 140;

function checkInvocation(name: string): string[] {
  const problems: string[] = [];
  const words = name.split(' ');
  if (!/^[a-z][a-z' .]*[a-z]$/.test(name)) problems.push(`invocation name "${name}": lower-case letters, spaces, apostrophes and periods only`);
  if (words.length < 2) problems.push(`invocation name "${name}": needs two or more words`);
  for (const word of words) {
    if (LAUNCH_WORDS.includes(word) || WAKE_WORDS.includes(word)) problems.push(`invocation name "${name}": contains "${word}"`);
  }
  if (words.length === 2 && words.some((w) => ['the', 'a', 'an', 'for', 'to', 'of'].includes(w))) {
    problems.push(`invocation name "${name}": a two-word name may not hold an article or connector`);
  }
  return problems;
}

export function checkModel(candidate: unknown): string[] {
  const parsed = InteractionModelSchema.safeParse(candidate);
  if (!parsed.success) return parsed.error.issues.map((i) => `schema: ${i.path.join('.')}: ${i.message}`);
  const model: InteractionModel = parsed.data;
  const lm = model.interactionModel.languageModel;
  const problems = checkInvocation(lm.invocationName);
  const declaredTypes = new Set((lm.types ?? []).map((t) => t.name));
  const intentNames = new Set(lm.intents.map((i) => i.name));
  for (const required of REQUIRED_BUILT_INS) if (!intentNames.has(required)) problems.push(`missing required intent ${required}`);

  const owner = new Map<string, string>();
  for (const intent of lm.intents) {
    const slots = new Map((intent.slots ?? []).map((s) => [s.name, s.type]));
    for (const [slot, type] of slots) {
      if (!type.startsWith('AMAZON.') && !declaredTypes.has(type)) problems.push(`${intent.name}: slot {${slot}} has undeclared type ${type}`);
    }
    for (const sample of intent.samples ?? []) {
      const where = `${intent.name}: "${sample}"`;
      if (!SAMPLE_CHARS.test(sample)) problems.push(`${where}: only letters, spaces, periods, apostrophes, hyphens and {slots} are allowed`);
      if (/\d/.test(sample)) problems.push(`${where}: spell numbers out as words`);
      if (sample.length > MAX_SAMPLE_CHARS) problems.push(`${where}: longer than ${MAX_SAMPLE_CHARS} characters`);
      for (const match of sample.matchAll(/\{([^}]*)\}/g)) {
        if (!slots.has(match[1] ?? '')) problems.push(`${where}: slot {${match[1]}} is not declared on the intent`);
      }
      const normalized = sample.toLowerCase().replace(/\s+/g, ' ').trim();
      const first = owner.get(normalized);
      if (first !== undefined) problems.push(`${where}: also a sample of ${first}`);
      owner.set(normalized, intent.name);
    }
  }
  for (const type of lm.types ?? []) {
    const seen = new Map<string, string>();
    for (const value of type.values) {
      for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
        if (phrase.length > MAX_SLOT_VALUE_CHARS) problems.push(`${type.name}: "${phrase}" is too long`);
        if (/\d/.test(phrase)) problems.push(`${type.name}: "${phrase}": spell numbers out as words`);
        const other = seen.get(phrase);
        if (other !== undefined && other !== value.id) problems.push(`${type.name}: "${phrase}" names both ${other} and ${value.id}`);
        seen.set(phrase, value.id ?? value.name.value);
      }
    }
  }
  return problems;
}
