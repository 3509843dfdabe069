// The size DynamoDB bills an item at, from its wire (marshalled) form, following the documented rules:
// attribute names count in UTF-8 bytes; S is its UTF-8 length; N is about one byte per two significant
// digits plus one; B its length; BOOL and NULL one byte; L and M three bytes plus one per element plus
// the elements; sets the sum of their members. A standard write costs one write unit per started KB.
export type WireValue = {
  S?: string;
  N?: string;
  B?: string | Uint8Array;
  BOOL?: boolean;
  NULL?: boolean;
  SS?: string[];
  NS?: string[];
  BS?: Array<string | Uint8Array>;
  L?: WireValue[];
  M?: Record<string, WireValue>;
};
export type WireItem = Record<string, WireValue>;

const utf8 = (text: string): number => Buffer.byteLength(text, 'utf8');
/** Binary on the wire is base 64; the SDK hands it over as bytes. */
const binaryBytes = (value: string | Uint8Array): number => (typeof value === 'string' ? Buffer.from(value, 'base64').length : value.length);

function numberBytes(text: string): number {
  const digits = text.replace(/^-/, '').replace(/[eE].*$/, '').replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
}

export function valueBytes(value: WireValue): number {
  if (value.S !== undefined) return utf8(value.S);
  if (value.N !== undefined) return numberBytes(value.N);
  if (value.B !== undefined) return binaryBytes(value.B);
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((n, s) => n + utf8(s), 0);
  if (value.NS !== undefined) return value.NS.reduce((n, s) => n + numberBytes(s), 0);
  if (value.BS !== undefined) return value.BS.reduce((n, s) => n + binaryBytes(s), 0);
  if (value.L !== undefined) return 3 + value.L.reduce((n, v) => n + 1 + valueBytes(v), 0);
  if (value.M !== undefined) return 3 + Object.entries(value.M).reduce((n, [k, v]) => n + 1 + utf8(k) + valueBytes(v), 0);
  return 0;
}

export function dynamoItemBytes(item: WireItem | undefined): number {
  if (item === undefined || item === null) return 0;
  return Object.entries(item).reduce((n, [name, value]) => n + utf8(name) + valueBytes(value), 0);
}

/** Write units of a standard (non-transactional) write: one per started KB. */
export const writeUnits = (bytes: number): number => Math.max(1, Math.ceil(bytes / 1024));
/** Read units of a strongly consistent read: one per started 4 KB (half that eventually consistent). */
export const readUnits = (bytes: number, consistent: boolean): number => Math.max(1, Math.ceil(bytes / 4096)) * (consistent ? 1 : 0.5);
