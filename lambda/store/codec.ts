// Compact encodings of the parts of a record that grow with the routine, so every item stays under 1 KB.
// Exercises are written as their two-letter catalog code; unknown codes (a retired exercise) are dropped.
import { CATALOG } from '../catalog/catalog';
import { STEP_OUTCOMES, type OutcomeRecord, type StepOutcome } from '../engine/types';

const ID_BY_CODE = new Map(CATALOG.map((e) => [e.code, e.id]));
const CODE_BY_ID = new Map(CATALOG.map((e) => [e.id, e.code]));
const SIDE_LETTER = { right: 'r', left: 'l', both: 'b' } as const;
const SIDE_OF_LETTER: Record<string, string> = { r: 'right', l: 'left', b: 'both' };
const OUTCOME_LETTER: Record<StepOutcome, string> = { completed: 'c', cutShort: 'x', stoppedEarly: 's', skipped: 'k' };
const OUTCOME_OF_LETTER = Object.fromEntries(STEP_OUTCOMES.map((o) => [OUTCOME_LETTER[o], o]));
const KIND_LETTER = { reps: 'r', hold: 'h' } as const;
const KIND_OF_LETTER: Record<string, string> = { r: 'reps', h: 'hold' };

/** "hip-rotation/right" -> "hrr"; a key of an unknown exercise is kept out. */
function encodeStepKey(key: string): string | null {
  const [id = '', side = ''] = key.split('/');
  const code = CODE_BY_ID.get(id);
  const letter = SIDE_LETTER[side as keyof typeof SIDE_LETTER];
  return code === undefined || letter === undefined ? null : `${code}${letter}`;
}

function decodeStepKey(encoded: string): string | null {
  const id = ID_BY_CODE.get(encoded.slice(0, 2));
  const side = SIDE_OF_LETTER[encoded.slice(2)];
  return id === undefined || side === undefined ? null : `${id}/${side}`;
}

/** { "hip-rotation/right": { outcome: "completed", amount: 4 } } -> "hrr:c4". */
export function encodeOutcomes(outcomes: Record<string, OutcomeRecord>): string {
  return Object.entries(outcomes)
    .map(([key, record]) => {
      const step = encodeStepKey(key);
      return step === null ? null : `${step}:${OUTCOME_LETTER[record.outcome]}${record.amount}`;
    })
    .filter((part) => part !== null)
    .join(',');
}

export function decodeOutcomes(encoded: string): Record<string, { outcome: string; amount: number }> {
  const entries = encoded
    .split(',')
    .filter((part) => part !== '')
    .map((part) => {
      const [step = '', value = ''] = part.split(':');
      const key = decodeStepKey(step);
      const outcome = OUTCOME_OF_LETTER[value.charAt(0)];
      return key === null || outcome === undefined ? null : ([key, { outcome, amount: Number(value.slice(1)) }] as const);
    })
    .filter((entry) => entry !== null);
  return Object.fromEntries(entries);
}

/** { "hip-rotation:reps": 4 } -> "hrr4". */
export function encodeLevels(levels: Record<string, number>): string {
  return Object.entries(levels)
    .map(([key, level]) => {
      const [id = '', kind = ''] = key.split(':');
      const code = CODE_BY_ID.get(id);
      const letter = KIND_LETTER[kind as keyof typeof KIND_LETTER];
      return code === undefined || letter === undefined ? null : `${code}${letter}${level}`;
    })
    .filter((part) => part !== null)
    .join(',');
}

export function decodeLevels(encoded: string): Record<string, number> {
  const entries = encoded
    .split(',')
    .filter((part) => part !== '')
    .map((part) => {
      const id = ID_BY_CODE.get(part.slice(0, 2));
      const kind = KIND_OF_LETTER[part.charAt(2)];
      return id === undefined || kind === undefined ? null : ([`${id}:${kind}`, Number(part.slice(3))] as const);
    })
    .filter((entry) => entry !== null);
  return Object.fromEntries(entries);
}

export function encodeIds(ids: readonly string[]): string {
  return ids.map((id) => CODE_BY_ID.get(id)).filter((code) => code !== undefined).join(',');
}

export function decodeIds(encoded: string): string[] {
  return encoded
    .split(',')
    .map((code) => ID_BY_CODE.get(code))
    .filter((id) => id !== undefined);
}

type PainReportLike = { stepKey: string | null; bodyPart: string | null; severity: number | null; atMs: number };

/** Pain reports (stored only with HEALTH_LOG=detailed) as "hkr|knee|6|1796137219000;...". */
export function encodePainReports(reports: readonly PainReportLike[]): string {
  return reports
    .map((r) => [r.stepKey === null ? '' : (encodeStepKey(r.stepKey) ?? ''), r.bodyPart ?? '', r.severity ?? '', r.atMs].join('|'))
    .join(';');
}

export function decodePainReports(encoded: string): PainReportLike[] {
  return encoded
    .split(';')
    .filter((part) => part !== '')
    .map((part) => {
      const [step = '', bodyPart = '', severity = '', atMs = ''] = part.split('|');
      return {
        stepKey: step === '' ? null : decodeStepKey(step),
        bodyPart: bodyPart === '' ? null : bodyPart,
        severity: severity === '' ? null : Number(severity),
        atMs: Number(atMs),
      };
    });
}
