// Compact encodings of the parts of stored records: the progress state (see state-codec.ts) and history days.
// Exercises are written as their two-letter catalog code; a code the catalog no longer has (a retired exercise)
// is dropped from a list. The decoders take unknown input: absent is empty, anything that is not their string
// is undefined, which the record's schema refuses.
import { CATALOG } from '../catalog/catalog';
import type { Dose } from '../catalog/schema';
import { addDays, daysBetween } from '../engine/day';
import { stepKey, stepOfKey } from '../engine/plan';
import { RECENT_STOPS_KEPT } from '../engine/state';
import type { OutcomeRecord, StepOutcome, StepRef } from '../engine/types';

const ID_BY_CODE = new Map(CATALOG.map((e) => [e.code, e.id]));
const CODE_BY_ID = new Map(CATALOG.map((e) => [e.id, e.code]));

/** A two-way map between a closed set of words and one letter each. */
export function letterCodec<const T extends Record<string, string>>(letters: T) {
  const words = new Map(Object.entries(letters).map(([word, letter]) => [letter, word]));
  return {
    encode: (word: keyof T & string): string => letters[word] ?? '',
    /** The word, or undefined for a letter not in the set. */
    decode: (letter: unknown): keyof T | undefined => (typeof letter === 'string' ? (words.get(letter) as keyof T | undefined) : undefined),
  };
}

const SIDE = letterCodec({ right: 'r', left: 'l', both: 'b' });
const OUTCOME = letterCodec<Record<StepOutcome, string>>({ completed: 'c', cutShort: 'x', stoppedEarly: 's', skipped: 'k' });
const KIND = letterCodec({ reps: 'r', hold: 'h' });

/** An exercise's two-letter code, or undefined for an id the catalog does not have. */
export const codeOf = (exerciseId: string): string | undefined => CODE_BY_ID.get(exerciseId);
/** The exercise id of a code, or undefined for anything the catalog does not have. */
export const idOf = (code: unknown): string | undefined => (typeof code === 'string' ? ID_BY_CODE.get(code) : undefined);

/** Writes a list as its parts joined by commas, leaving out what could not be encoded (null). */
function joinParts<T>(items: Iterable<T>, encode: (item: T) => string | null): string {
  const out: string[] = [];
  for (const item of items) {
    const part = encode(item);
    if (part !== null) out.push(part);
  }
  return out.join(',');
}

/** Splits a stored list; undefined when the value is there but is not a string. */
function parts(value: unknown): string[] | undefined {
  if (value === undefined) return [];
  return typeof value === 'string' ? value.split(',').filter((part) => part !== '') : undefined;
}

/** { exerciseId: "hip-rotation", side: "right" } -> "hrr"; an unsided step is "..b"; null for an unknown exercise. */
export function encodeStep(step: StepRef): string | null {
  const code = CODE_BY_ID.get(step.exerciseId);
  return code === undefined ? null : `${code}${SIDE.encode(step.side ?? 'both')}`;
}

/** The step of a code, or undefined when it is unreadable or names an exercise the catalog does not have. */
export function decodeStep(value: unknown): StepRef | undefined {
  if (typeof value !== 'string' || value.length !== 3) return undefined;
  const exerciseId = ID_BY_CODE.get(value.slice(0, 2));
  const side = SIDE.decode(value.charAt(2));
  if (exerciseId === undefined || side === undefined) return undefined;
  return { exerciseId, side: side === 'both' ? null : side };
}

/** { "hip-rotation/right": { outcome: "completed", amount: 4 } } -> "hrrc4". */
export function encodeOutcomes(outcomes: Record<string, OutcomeRecord>): string {
  return joinParts(Object.entries(outcomes), ([key, record]) => {
    const step = encodeStep(stepOfKey(key));
    return step === null ? null : `${step}${OUTCOME.encode(record.outcome)}${record.amount}`;
  });
}

export function decodeOutcomes(value: unknown): Record<string, { outcome: unknown; amount: number }> | undefined {
  const list = parts(value);
  if (list === undefined) return undefined;
  // History written before schema v3 of progress has a colon after the step ("hrr:c4").
  const entries = list.map((part) => part.replace(':', '')).flatMap((part) => {
    const step = decodeStep(part.slice(0, 3));
    return step === undefined ? [] : [[stepKey(step), { outcome: OUTCOME.decode(part.charAt(3)), amount: Number(part.slice(4)) }] as const];
  });
  return Object.fromEntries(entries);
}

/** { "hip-rotation:reps": 4 } -> "hrr4". */
export function encodeLevels(levels: Record<string, number>): string {
  return joinParts(Object.entries(levels), ([key, level]) => {
    const [id = '', kind = ''] = key.split(':');
    const code = CODE_BY_ID.get(id);
    return code === undefined || (kind !== 'reps' && kind !== 'hold') ? null : `${code}${KIND.encode(kind)}${level}`;
  });
}

export function decodeLevels(value: unknown): Record<string, number> | undefined {
  const list = parts(value);
  if (list === undefined) return undefined;
  const entries = list.flatMap((part) => {
    const id = ID_BY_CODE.get(part.slice(0, 2));
    const kind = KIND.decode(part.charAt(2));
    return id === undefined || kind === undefined ? [] : [[`${id}:${String(kind)}`, Number(part.slice(3))] as const];
  });
  return Object.fromEntries(entries);
}

export function encodeIds(ids: readonly string[]): string {
  return joinParts(ids, (id) => CODE_BY_ID.get(id) ?? null);
}

export function decodeIds(value: unknown): string[] | undefined {
  const list = parts(value);
  return list?.map((code) => ID_BY_CODE.get(code)).filter((id) => id !== undefined);
}

/** { "hip-rotation": reps 4 } -> "hrr4"; a hold is "hrh30", "hrh30a" when held as tolerated. */
export function encodeDoses(doses: Record<string, Dose>): string {
  return joinParts(Object.entries(doses), ([id, dose]) => {
    const code = CODE_BY_ID.get(id);
    if (code === undefined) return null;
    const kind = `${code}${KIND.encode(dose.kind)}`;
    return dose.kind === 'reps' ? `${kind}${dose.reps}` : `${kind}${dose.holdSeconds}${dose.asTolerated ? 'a' : ''}`;
  });
}

export function decodeDoses(value: unknown): Record<string, unknown> | undefined {
  const list = parts(value);
  if (list === undefined) return undefined;
  const entries = list.flatMap((part) => {
    const id = ID_BY_CODE.get(part.slice(0, 2));
    if (id === undefined) return [];
    const kind = KIND.decode(part.charAt(2));
    const amount = part.slice(3).replace(/a$/, '');
    const dose =
      kind === 'reps'
        ? { kind, reps: Number(amount) }
        : kind === 'hold'
          ? { kind, holdSeconds: Number(amount), asTolerated: part.endsWith('a') }
          : undefined;
    return [[id, dose] as const];
  });
  return Object.fromEntries(entries);
}

/** { "hip-rotation": ["2026-11-28", "2026-11-30"] } on 2026-12-01 -> "hr1.3": days back from `day`, the latest only. */
export function encodeStops(stops: Record<string, readonly string[]>, day: string): string {
  return joinParts(Object.entries(stops), ([exerciseId, days]) => {
    const code = CODE_BY_ID.get(exerciseId);
    const back = days.map((d) => daysBetween(d, day)).sort((a, b) => a - b).slice(0, RECENT_STOPS_KEPT);
    return code === undefined || back.length === 0 ? null : `${code}${back.join('.')}`;
  });
}

/** Undoes encodeStops, oldest day first as the engine keeps them; a day that cannot be read is left empty. */
export function decodeStops(value: unknown, day: string): Record<string, string[]> | undefined {
  const list = parts(value);
  if (list === undefined) return undefined;
  const onDay = (back: number) => (Number.isInteger(back) && day !== '' ? addDays(day, -back) : '');
  const entries = list.flatMap((part) => {
    const id = ID_BY_CODE.get(part.slice(0, 2));
    return id === undefined ? [] : [[id, part.slice(2).split('.').map((back) => onDay(Number(back))).reverse()] as const];
  });
  return Object.fromEntries(entries);
}

type PainReportLike = { stepKey: string | null; bodyPart: string | null; severity: number | null; atMs: number };

/** Pain reports (stored only with HEALTH_LOG=detailed) as "hkr|knee|6|1796137219000;...". */
export function encodePainReports(reports: readonly PainReportLike[]): string {
  return reports
    .map((r) => [r.stepKey === null ? '' : (encodeStep(stepOfKey(r.stepKey)) ?? ''), r.bodyPart ?? '', r.severity ?? '', r.atMs].join('|'))
    .join(';');
}

export function decodePainReports(value: unknown): Array<Record<keyof PainReportLike, unknown>> | undefined {
  if (value === undefined) return [];
  if (typeof value !== 'string') return undefined;
  return value
    .split(';')
    .filter((part) => part !== '')
    .map((part) => {
      const [step = '', bodyPart = '', severity = '', atMs = ''] = part.split('|');
      const ref = step === '' ? null : decodeStep(step);
      return {
        stepKey: ref === null ? null : ref === undefined ? undefined : stepKey(ref),
        bodyPart: bodyPart === '' ? null : bodyPart,
        severity: severity === '' ? null : Number(severity),
        atMs: Number(atMs),
      };
    });
}
