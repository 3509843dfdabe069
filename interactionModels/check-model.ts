// Alexa's interaction-model rules (reference §3), checked on every generated model, plus this project's own
// rule that the model declares exactly the intents and slots lambda/intents.ts names. Returns problems, each
// naming the intent and the utterance (the caller adds the locale); an empty list means the model is valid.
import { InteractionModelSchema, type InteractionModel } from './model-types';

export const REQUIRED_BUILT_INS = ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.HelpIntent', 'AMAZON.NavigateHomeIntent', 'AMAZON.FallbackIntent'];
const LAUNCH_WORDS = ['ask', 'tell', 'open', 'launch', 'enable', 'begin', 'start', 'load', 'run', 'resume', 'use', 'play'];
const WAKE_WORDS = ['alexa', 'amazon', 'echo', 'computer', 'skill', 'app'];
const CONNECTORS = ['the', 'a', 'an', 'for', 'to', 'of'];
/** Built-in slot types this checker knows; a typo such as AMAZON.NUMBR would otherwise pass. */
export const KNOWN_BUILT_IN_SLOT_TYPES = [
  'AMAZON.NUMBER', 'AMAZON.TIME', 'AMAZON.DATE', 'AMAZON.DURATION', 'AMAZON.FOUR_DIGIT_NUMBER', 'AMAZON.ORDINAL',
  'AMAZON.PhoneNumber', 'AMAZON.SearchQuery', 'AMAZON.FirstName', 'AMAZON.US_FIRST_NAME', 'AMAZON.GB_FIRST_NAME',
];
/** Letters of any script, spaces, periods (abbreviations), underscores, apostrophes, hyphens and slot braces. */
const SAMPLE_CHARS = /^[\p{L} ._'\-{}]+$/u;
const SLOT_VALUE_CHARS = /^[\p{L} .'\-]+$/u;
/** Limits from Amazon's interaction-model limits as this project reads them; raise only against that page. */
export const LIMITS = { sampleChars: 200, slotValueChars: 140, intents: 250, slotValuesTotal: 50_000 } as const;

export type ExpectedIntents = Readonly<Record<string, ReadonlyArray<{ name: string; type: string }>>>;

export type CheckOptions = {
  /** Intent name to its slots: the model must declare exactly these intents, each with exactly these slots. */
  expectedIntents?: ExpectedIntents;
};

export function checkInvocation(name: string): string[] {
  const problems: string[] = [];
  const words = name.split(' ');
  const where = `invocation name "${name}"`;
  if (/\d/.test(name)) problems.push(`${where}: spell numbers out as words`);
  if (!/^[a-z][a-z' .]*[a-z.]$/.test(name)) problems.push(`${where}: lower-case letters, spaces, apostrophes and periods only`);
  if (/ {2}/.test(name)) problems.push(`${where}: single spaces between words`);
  if (words.length < 2) problems.push(`${where}: needs two or more words`);
  for (const word of words) {
    if (LAUNCH_WORDS.includes(word)) problems.push(`${where}: contains the launch word "${word}"`);
    if (WAKE_WORDS.includes(word)) problems.push(`${where}: contains the wake word "${word}"`);
  }
  if (words.length === 2 && words.some((w) => CONNECTORS.includes(w))) {
    problems.push(`${where}: a two-word name may not hold an article or connector`);
  }
  return problems;
}

/** Lower case, single spaces: how two samples are compared for being the same utterance. */
export function sampleKey(sample: string): string {
  return sample.toLowerCase().replace(/\s+/g, ' ').trim();
}

function checkSample(intentName: string, sample: string, slots: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const where = `${intentName}: "${sample}"`;
  if (sample.trim() === '') return [`${where}: empty sample`];
  if (/\d/.test(sample)) problems.push(`${where}: spell numbers out as words`);
  if (!SAMPLE_CHARS.test(sample.replace(/\d/g, 'x'))) {
    problems.push(`${where}: only letters, spaces, periods, apostrophes, hyphens, underscores and {slots} are allowed`);
  }
  if (sample.length > LIMITS.sampleChars) problems.push(`${where}: longer than ${LIMITS.sampleChars} characters`);
  const withoutSlots = sample.replace(/\{[A-Za-z][A-Za-z0-9_]*\}/g, 'slot');
  if (/[{}]/.test(withoutSlots)) problems.push(`${where}: braces must enclose exactly one slot name, as {slotName}`);
  const used = new Set<string>();
  for (const match of sample.matchAll(/\{([A-Za-z][A-Za-z0-9_]*)\}/g)) {
    const slot = match[1] ?? '';
    if (!slots.has(slot)) problems.push(`${where}: slot {${slot}} is not declared on the intent`);
    if (used.has(slot)) problems.push(`${where}: slot {${slot}} is used twice in one sample`);
    used.add(slot);
  }
  return problems;
}

export function checkModel(candidate: unknown, options: CheckOptions = {}): string[] {
  const parsed = InteractionModelSchema.safeParse(candidate);
  if (!parsed.success) return parsed.error.issues.map((i) => `schema: ${i.path.join('.')}: ${i.message}`);
  const model: InteractionModel = parsed.data;
  const lm = model.interactionModel.languageModel;
  const problems = checkInvocation(lm.invocationName);
  const types = lm.types ?? [];
  const declaredTypes = new Set(types.map((t) => t.name));

  const intentNames = new Set<string>();
  for (const intent of lm.intents) {
    if (intentNames.has(intent.name)) problems.push(`${intent.name}: declared twice`);
    intentNames.add(intent.name);
  }
  for (const required of REQUIRED_BUILT_INS) if (!intentNames.has(required)) problems.push(`missing required intent ${required}`);
  if (lm.intents.length > LIMITS.intents) problems.push(`${lm.intents.length} intents: more than ${LIMITS.intents}`);

  const owner = new Map<string, string>();
  for (const intent of lm.intents) {
    const slots = new Map<string, string>();
    for (const slot of intent.slots ?? []) {
      if (slots.has(slot.name)) problems.push(`${intent.name}: slot {${slot.name}} declared twice`);
      slots.set(slot.name, slot.type);
      if (slot.type.startsWith('AMAZON.')) {
        if (!KNOWN_BUILT_IN_SLOT_TYPES.includes(slot.type)) problems.push(`${intent.name}: slot {${slot.name}} has unknown built-in type ${slot.type}`);
      } else if (!declaredTypes.has(slot.type)) {
        problems.push(`${intent.name}: slot {${slot.name}} has undeclared type ${slot.type}`);
      }
    }
    const samples = intent.samples ?? [];
    if (intent.name === 'AMAZON.FallbackIntent' && samples.length > 0) problems.push(`${intent.name}: takes no sample utterances`);
    for (const sample of samples) {
      problems.push(...checkSample(intent.name, sample, slots));
      const key = sampleKey(sample);
      const first = owner.get(key);
      if (first === intent.name) problems.push(`${intent.name}: "${sample}": appears twice in the intent`);
      else if (first !== undefined) problems.push(`${intent.name}: "${sample}": also a sample of ${first}`);
      else owner.set(key, intent.name);
    }
  }

  let totalValues = 0;
  const typeNames = new Set<string>();
  for (const type of types) {
    if (typeNames.has(type.name)) problems.push(`slot type ${type.name}: declared twice`);
    typeNames.add(type.name);
    const seen = new Map<string, string>();
    const ids = new Set<string>();
    for (const value of type.values) {
      const id = value.id ?? value.name.value;
      if (ids.has(id)) problems.push(`slot type ${type.name}: id "${id}" used by two values`);
      ids.add(id);
      for (const phrase of [value.name.value, ...(value.name.synonyms ?? [])]) {
        totalValues += 1;
        const where = `slot type ${type.name}: "${phrase}"`;
        if (phrase.length > LIMITS.slotValueChars) problems.push(`${where}: longer than ${LIMITS.slotValueChars} characters`);
        if (/\d/.test(phrase)) problems.push(`${where}: spell numbers out as words`);
        else if (!SLOT_VALUE_CHARS.test(phrase)) problems.push(`${where}: only letters, spaces, periods, apostrophes and hyphens are allowed`);
        const key = sampleKey(phrase);
        const other = seen.get(key);
        if (other !== undefined && other !== id) problems.push(`${where}: names both ${other} and ${id}`);
        else if (other === id && phrase !== value.name.value) problems.push(`${where}: listed twice for ${id}`);
        seen.set(key, id);
      }
    }
  }
  if (totalValues > LIMITS.slotValuesTotal) problems.push(`${totalValues} slot values and synonyms: more than ${LIMITS.slotValuesTotal}`);

  if (options.expectedIntents !== undefined) problems.push(...checkExpectedIntents(model, options.expectedIntents));
  return problems;
}

/** The project rule: exactly the intents lambda/intents.ts names, each with its slots, each slot used by a sample. */
function checkExpectedIntents(model: InteractionModel, expected: ExpectedIntents): string[] {
  const problems: string[] = [];
  const intents = new Map(model.interactionModel.languageModel.intents.map((i) => [i.name, i]));
  for (const [name, slots] of Object.entries(expected)) {
    const intent = intents.get(name);
    if (intent === undefined) {
      problems.push(`missing intent ${name}`);
      continue;
    }
    const declared = (intent.slots ?? []).map((s) => `${s.name}:${s.type}`).sort();
    const wanted = slots.map((s) => `${s.name}:${s.type}`).sort();
    if (declared.join(',') !== wanted.join(',')) {
      problems.push(`${name}: slots are [${declared.join(', ')}], lambda/intents.ts declares [${wanted.join(', ')}]`);
    }
    for (const slot of intent.slots ?? []) {
      if (!(intent.samples ?? []).some((sample) => sample.includes(`{${slot.name}}`))) {
        problems.push(`${name}: slot {${slot.name}} is in no sample, so Alexa can never fill it`);
      }
    }
  }
  for (const name of intents.keys()) if (!(name in expected)) problems.push(`${name}: not an intent lambda/intents.ts declares`);
  return problems;
}
