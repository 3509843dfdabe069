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
