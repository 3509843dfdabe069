// A small SSML tokenizer: enough for reading back and timing what the skill says, not a validating parser.
export type SsmlToken =
  | { kind: 'text'; text: string }
  | { kind: 'open'; name: string; attributes: Record<string, string> }
  | { kind: 'close'; name: string }
  | { kind: 'empty'; name: string; attributes: Record<string, string> };

const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

export function tokenizeSsml(ssml: string): SsmlToken[] {
  const tokens: SsmlToken[] = [];
  let last = 0;
  for (const match of ssml.matchAll(TAG)) {
    const index = match.index;
    if (index > last) tokens.push({ kind: 'text', text: decodeXmlEntities(ssml.slice(last, index)) });
    const [, slash = '', name = '', attributeText = '', selfClosing = ''] = match;
    const lower = name.toLowerCase();
    if (slash === '/') tokens.push({ kind: 'close', name: lower });
    else if (selfClosing === '/') tokens.push({ kind: 'empty', name: lower, attributes: parseAttributes(attributeText) });
    else tokens.push({ kind: 'open', name: lower, attributes: parseAttributes(attributeText) });
    last = index + match[0].length;
  }
  if (last < ssml.length) tokens.push({ kind: 'text', text: decodeXmlEntities(ssml.slice(last)) });
  return tokens;
}

function parseAttributes(text: string): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const match of text.matchAll(ATTRIBUTE)) {
    const [, key = '', doubleQuoted, singleQuoted] = match;
    attributes[key.toLowerCase()] = decodeXmlEntities(doubleQuoted ?? singleQuoted ?? '');
  }
  return attributes;
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[A-Za-z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return safeCodePoint(parseInt(body.slice(2), 16), whole);
    if (body.startsWith('#')) return safeCodePoint(parseInt(body.slice(1), 10), whole);
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}

/** Seconds for a <break>: its time ("10s", "500ms") or, failing that, its strength. */
export function breakSeconds(attributes: Record<string, string>): number {
  const time = attributes.time;
  if (time !== undefined) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)\s*$/i.exec(time);
    if (match) {
      const amount = Number(match[1]);
      return match[2]?.toLowerCase() === 'ms' ? amount / 1000 : amount;
    }
  }
  return STRENGTH_SECONDS[attributes.strength ?? 'medium'] ?? STRENGTH_SECONDS.medium ?? 0;
}

// Alexa documents the strengths only relative to punctuation; these are listening estimates.
const STRENGTH_SECONDS: Record<string, number> = {
  none: 0,
  'x-weak': 0.1,
  weak: 0.25,
  medium: 0.5,
  strong: 0.75,
  'x-strong': 1,
};
