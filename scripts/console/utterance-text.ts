// Text normalisation shared by typed utterances and model samples, so both are compared the same way.

/** Lowercase, punctuation gone except apostrophes inside words, single spaces, no leading "alexa". */
export function normaliseUtterance(text: string): string {
  return toWords(text).join(' ').replace(/^alexa(?: |$)/, '').trim();
}

export function toWords(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, ' ')
    .split(' ')
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word !== '');
}

export type SampleToken = { kind: 'word'; word: string } | { kind: 'slot'; name: string };

/** A model sample such as "start the {routine} routine" as literal words and slot references. */
export function tokenizeSample(sample: string): SampleToken[] {
  const tokens: SampleToken[] = [];
  for (const part of sample.split(/(\{[^{}]+\})/)) {
    const slot = /^\{\s*([^{}\s]+)\s*\}$/.exec(part);
    if (slot?.[1] !== undefined) tokens.push({ kind: 'slot', name: slot[1] });
    else for (const word of toWords(part)) tokens.push({ kind: 'word', word });
  }
  return tokens;
}

/** Words that carry no request: hesitations, politeness, the wake word. Dropped before classifying. */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'hmm', 'mm', 'ah', 'oh', 'okay', 'ok', 'alright', 'please', 'alexa',
  'now', 'just', 'well', 'hey', 'thanks', 'kindly', 'actually', 'really', 'maybe',
]);

const WHOLE_WORD_CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
  "can't": ['can', 'not'], cannot: ['can', 'not'], "won't": ['will', 'not'], "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'], "let's": ['let', 'us'], "i'm": ['i', 'am'], "how'd": ['how', 'did'], "what'd": ['what', 'did'],
  "where'd": ['where', 'did'], gonna: ['going', 'to'], wanna: ['want', 'to'], gotta: ['got', 'to'], gimme: ['give', 'me'],
  lemme: ['let', 'me'], "o'clock": ["o'clock"],
  // Speech recognisers and hurried typing drop the apostrophe.
  cant: ['can', 'not'], dont: ['do', 'not'], doesnt: ['does', 'not'], didnt: ['did', 'not'], isnt: ['is', 'not'],
  wont: ['will', 'not'], couldnt: ['could', 'not'], wasnt: ['was', 'not'], arent: ['are', 'not'], im: ['i', 'am'],
  ive: ['i', 'have'], lets: ['let', 'us'], thats: ['that', 'is'], whats: ['what', 'is'], shes: ['she', 'is'],
  hes: ['he', 'is'], theres: ['there', 'is'], hows: ['how', 'is'], wheres: ['where', 'is'], youre: ['you', 'are'],
};

const SUFFIX_CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/^(.+)n't$/, 'not'], [/^(.+)'re$/, 'are'], [/^(.+)'ve$/, 'have'], [/^(.+)'ll$/, 'will'], [/^(.+)'d$/, 'would'],
  [/^(.+)'s$/, 'is'], [/^(.+)s'$/, ''],
];

/** "she's" -> "she is", "can't" -> "can not", "thats" -> "that is"; other words unchanged. */
export function expandContractions(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const whole = WHOLE_WORD_CONTRACTIONS[word];
    if (whole !== undefined) {
      out.push(...whole);
      continue;
    }
    const rule = SUFFIX_CONTRACTIONS.find(([pattern]) => pattern.test(word));
    if (rule === undefined) {
      out.push(word);
      continue;
    }
    const [pattern, tail] = rule;
    const head = pattern.exec(word)?.[1] ?? word;
    out.push(head, ...(tail === '' ? [] : [tail]));
  }
  return out;
}

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Typed digits as they are spoken: "7" -> "seven", "45" -> "forty five", "911" -> "nine one one". */
export function digitsAsWords(token: string): string[] {
  if (!/^\d+$/.test(token)) return [token];
  if (token.length >= 3) return [...token].map((d) => ONES[Number(d)] as string);
  const value = Number(token);
  if (value < 10) return [ONES[value] as string];
  if (value < 20) return [TEENS[value - 10] as string];
  const ones = value % 10;
  return ones === 0 ? [TENS[Math.floor(value / 10)] as string] : [TENS[Math.floor(value / 10)] as string, ONES[ones] as string];
}

/** An utterance as the classifier hears it: words, contractions expanded, digits spoken, fillers gone (unless nothing else is left). */
export function spokenWords(text: string): string[] {
  const words = expandContractions(toWords(normaliseUtterance(text)).flatMap(digitsAsWords));
  const kept = words.filter((word) => !FILLER_WORDS.has(word));
  return kept.length > 0 ? kept : words;
}
