// Text normalisation for the resolver's fuzzy stage: what two phrasings of the same request have in common
// once contractions, fillers, inflections and the person talked about are set aside. Applied identically to
// model samples, slot values and utterances, so nothing here has to be linguistically exact, only consistent.

/** Words that carry no request: hesitations, politeness, the wake word, "now" and "just". */
export const FILLER_WORDS: ReadonlySet<string> = new Set([
  'um', 'umm', 'uh', 'uhh', 'uhm', 'er', 'erm', 'hmm', 'mm', 'ah', 'oh', 'okay', 'ok', 'alright', 'please', 'alexa',
  'now', 'just', 'well', 'hey', 'thanks', 'kindly', 'actually', 'really', 'maybe', 'probably', 'about', 'around',
  'roughly',
]);

/** Two-word phrases that say one thing: "any more" is "anymore", "carry on" is "continue". */
const PHRASES: ReadonlyArray<[string, string, readonly string[]]> = [
  ['any', 'more', ['anymore']],
  ['carry', 'on', ['continue']],
  ['every', 'day', ['everyday']],
];

const WHOLE_WORD_CONTRACTIONS: Readonly<Record<string, readonly string[]>> = {
  "can't": ['can', 'not'], cannot: ['can', 'not'], "won't": ['will', 'not'], "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'], "let's": ['let', 'us'], "i'm": ['i', 'am'], "how'd": ['how', 'did'], "what'd": ['what', 'did'],
  "where'd": ['where', 'did'], gonna: ['going', 'to'], wanna: ['want', 'to'], gotta: ['got', 'to'], gimme: ['give', 'me'],
  lemme: ['let', 'me'], em: ['them'], "o'clock": ["o'clock"],
};

const SUFFIX_CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/^(.+)n't$/, 'not'], [/^(.+)'re$/, 'are'], [/^(.+)'ve$/, 'have'], [/^(.+)'ll$/, 'will'], [/^(.+)'d$/, 'would'],
  [/^(.+)'s$/, 'is'], [/^(.+)s'$/, ''],
];

/** "she's" -> "she is", "can't" -> "can not", "we'll" -> "we will"; other words unchanged. */
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

/** Who the caregiver talks about is never what the request is: she, he, her, his, mom, dad are one token. */
const PERSON_WORDS: ReadonlySet<string> = new Set([
  'she', 'he', 'they', 'her', 'his', 'him', 'their', 'them', 'hers', 'herself', 'himself', 'mom', 'mum', 'mummy',
  'mommy', 'dad', 'daddy', 'papa', 'mother', 'father', 'wife', 'husband', 'patient',
]);
export const PERSON = '<person>';

const IRREGULAR: Readonly<Record<string, string>> = {
  fell: 'fall', fallen: 'fall', falling: 'fall', felt: 'feel', got: 'get', gotten: 'get', went: 'go', gone: 'go',
  going: 'go', ran: 'run', said: 'say', says: 'say', saying: 'say', did: 'do', does: 'do', doing: 'do', done: 'done',
  was: 'is', were: 'are', been: 'be', had: 'have', has: 'have', having: 'have', left: 'left', feet: 'foot',
};

const KEEP_FINAL_S: ReadonlySet<string> = new Set(['is', 'his', 'hers', 'this', 'yes', 'us', 'was', 'plus', 'less', 'bus']);

/** Words that stand for the same thing in requests to this skill, as one token (a tiny thesaurus). */
const WORD_CLASSES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    '<moment>': ['minute', 'minutes', 'moment', 'moments', 'second', 'seconds', 'sec', 'secs', 'tick', 'mo', 'jiffy'],
    '<done>': ['done', 'finished', 'finish', 'completed', 'complete', 'through'],
    '<fast>': ['fast', 'quick', 'quickly'],
    '<faster>': ['faster', 'quicker'],
    '<remaining>': ['remaining', 'pending'],
    '<speak>': ['speak', 'speaking', 'speech', 'talk', 'talking', 'voice'],
    '<ow>': ['ow', 'oww', 'owww', 'ouch', 'aah', 'ahh', 'aargh', 'argh', 'ooh', 'oof', 'yow', 'ouchie'],
    '<cry>': ['cry', 'cried', 'crying', 'yelp', 'yelped', 'scream', 'screamed', 'screaming', 'yell', 'yelled', 'groan', 'groaned', 'groaning', 'moan', 'moaned', 'moaning', 'whimper', 'whimpered', 'wail', 'wailed'],
  }).flatMap(([token, words]) => words.map((word) => [word, token])),
);

/** A light suffix-stripping stem: "hurting", "hurts" -> "hurt"; "stretches" -> "stretch"; "tired" -> "tir". */
export function stem(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular !== undefined) return irregular;
  if (word.length <= 3 || /^\d+$/.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length > 4) w = undouble(w.slice(0, -2));
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !KEEP_FINAL_S.has(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w.length >= 2 ? w : word;
}

function undouble(w: string): string {
  const last = w.at(-1);
  return last !== undefined && w.length > 3 && last === w.at(-2) && !'lsz'.includes(last) ? w.slice(0, -1) : w;
}

/** The comparison key of one (already expanded, non-filler) word. */
export function wordKey(word: string): string {
  if (PERSON_WORDS.has(word)) return PERSON;
  const stemmed = stem(word);
  return WORD_CLASSES[word] ?? WORD_CLASSES[stemmed] ?? stemmed;
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

export type FuzzyWord = { raw: string; key: string };

/** Words as the fuzzy stage sees them: contractions expanded, fillers gone, each with its key. */
export function fuzzyWords(words: readonly string[]): FuzzyWord[] {
  return joinPhrases(expandContractions(words.flatMap(digitsAsWords)))
    .filter((word) => !FILLER_WORDS.has(word))
    .map((raw) => ({ raw, key: wordKey(raw) }));
}

function joinPhrases(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const phrase = PHRASES.find(([first, second]) => words[i] === first && words[i + 1] === second);
    if (phrase === undefined) out.push(words[i] as string);
    else {
      out.push(...phrase[2]);
      i += 1;
    }
  }
  return out;
}

/** Edit distance of two short strings, stopping early above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? max + 1;
}
