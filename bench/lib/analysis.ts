// From the measured turns to the figures, the budgets and the table.
import type { SeenRequest } from './counting-proxy';
import { readUnits, writeUnits } from '../../lambda/store/item-size';
import { mean, median, percentile, relativeRange, relativeSpread, round, sum } from './stats';
import type { TurnRecord, Variant } from './scenarios';

export type ProcessResult = {
  variant: Variant;
  run: number;
  initMs: number;
  initCpuUs: number;
  spawnToReadyMs: number;
  uptimeAtReadyMs: number;
  cold: TurnRecord;
  maxRssAfterColdKb: number;
  warm: TurnRecord[];
  maxRssKb: number;
  logBytes: number;
  connections: number;
};

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export const isRead = (r: SeenRequest): boolean => READS.has(r.op);
export const isWrite = (r: SeenRequest): boolean => WRITES.has(r.op);
const isHistoryWrite = (r: SeenRequest): boolean => r.op === 'PutItem' && (r.sortKey ?? '').startsWith('DAY#');
const isWeekly = (t: TurnRecord): boolean => t.label === 'week-summary';

/** Per-process figures of a list of warm turns. */
export function turnFigures(turns: readonly TurnRecord[]) {
  const wall = turns.map((t) => t.wallMs);
  const excl = turns.map((t) => Math.max(0, t.wallMs - t.ioMs));
  return {
    turns: turns.length,
    p50Ms: percentile(wall, 50),
    p99Ms: percentile(wall, 99),
    p50ExclStoreMs: percentile(excl, 50),
    p99ExclStoreMs: percentile(excl, 99),
    cpuMsPerTurn: sum(turns.map((t) => t.cpuUs)) / 1000 / Math.max(1, turns.length),
    cpuP50Ms: percentile(turns.map((t) => t.cpuUs / 1000), 50),
    storeMsPerTurn: mean(turns.map((t) => t.storeMs)),
    requestsPerTurn: sum(turns.map((t) => t.requests.length)) / Math.max(1, turns.length),
    readsPerTurn: sum(turns.map((t) => t.requests.filter(isRead).length)) / Math.max(1, turns.length),
    writesPerTurn: sum(turns.map((t) => t.requests.filter(isWrite).length)) / Math.max(1, turns.length),
    writeUnitsPerTurn: sum(turns.map((t) => sum(t.requests.filter((r) => r.op === 'PutItem').map((r) => writeUnits(r.itemBytes ?? 0))))) / Math.max(1, turns.length),
    responseBytesP50: percentile(turns.map((t) => t.responseBytes), 50),
  };
}
export type TurnFigures = ReturnType<typeof turnFigures>;

/** Warm figures leave out the first `warmupRounds` rounds of the warm run (V8 still optimising). */
export function processFigures(p: ProcessResult, warmupRounds: number) {
  const warm = p.warm.filter((t) => t.round >= warmupRounds);
  return {
    initMs: p.initMs,
    firstLaunchMs: p.cold.wallMs,
    coldStartMs: p.initMs + p.cold.wallMs,
    coldStartCpuMs: (p.initCpuUs + p.cold.cpuUs) / 1000,
    spawnToFirstResponseMs: p.spawnToReadyMs + p.cold.wallMs,
    nodeStartToReadyMs: p.uptimeAtReadyMs,
    maxRssMb: p.maxRssKb / 1024,
    maxRssAfterColdMb: p.maxRssAfterColdKb / 1024,
    logBytesPerTurn: p.logBytes / Math.max(1, p.warm.length + 1),
    connections: p.connections,
    warm: turnFigures(warm),
    warmIncludingWarmup: turnFigures(p.warm),
    by1d: turnFigures(warm.filter((t) => t.cohort === '1d')),
    by400d: turnFigures(warm.filter((t) => t.cohort === '400d')),
  };
}
export type ProcessFigures = ReturnType<typeof processFigures>;

/** A figure over the processes of one variant: its median and run-to-run spread. */
export function across(values: readonly number[]): { median: number; spread: number; range: number; values: number[] } {
  return { median: median(values), spread: relativeSpread(values), range: relativeRange(values), values: values.map((v) => round(v, 3)) };
}

export type PatternCheck = {
  turns: number;
  newSessionTurns: number;
  newSessionWithOneRead: number;
  inSessionTurns: number;
  inSessionReads: number;
  readsAfterConflict: number;
  conflicts: number;
  turnsWithOneConditionalWrite: number;
  turnsExpectingAWrite: number;
  rolloverTurns: number;
  /** PROGRESS and the DAY# item, plus SETTINGS when the rollover changed a lasting field (a build-up level). */
  rolloverTurnsAsBudgeted: number;
  /** Turns that changed a lasting field: one conditional SETTINGS put each, never more. */
  settingsWrites: number;
  settingsWriteTurns: number;
  settingsWritesOverOnePerTurn: number;
  unconditionalSettingsWrites: number;
  historyWritesOutsideRollover: number;
  unconditionalProgressWrites: number;
  otherWrites: number;
  sessionEndedWithRequests: number;
  weeklySummaries: number;
  violations: string[];
};

/**
 * The skill's DynamoDB pattern, turn by turn: one read when a session starts (BatchGetItem of
 * progress, settings + plans), none in the session except after a refused write (and the weekly summary's
 * Query), one conditional PutItem of PROGRESS per turn; a turn that changed a lasting field adds one
 * conditional PutItem of SETTINGS, and a rollover the day's history item.
 */
export function checkPattern(turns: readonly TurnRecord[]): PatternCheck {
  const c: PatternCheck = {
    turns: turns.length,
    newSessionTurns: 0,
    newSessionWithOneRead: 0,
    inSessionTurns: 0,
    inSessionReads: 0,
    readsAfterConflict: 0,
    conflicts: 0,
    turnsWithOneConditionalWrite: 0,
    turnsExpectingAWrite: 0,
    rolloverTurns: 0,
    rolloverTurnsAsBudgeted: 0,
    settingsWrites: 0,
    settingsWriteTurns: 0,
    settingsWritesOverOnePerTurn: 0,
    unconditionalSettingsWrites: 0,
    historyWritesOutsideRollover: 0,
    unconditionalProgressWrites: 0,
    otherWrites: 0,
    sessionEndedWithRequests: 0,
    weeklySummaries: 0,
    violations: [],
  };
  const note = (t: TurnRecord, what: string) => {
    if (c.violations.length < 20) c.violations.push(`${t.variant} run ${t.run} ${t.cohort} ${t.label} (${t.kind}): ${what}`);
  };
  for (const t of turns) {
    const conflicts = t.requests.filter((r) => r.conflict).length;
    c.conflicts += conflicts;
    if (t.kind === 'SessionEndedRequest') {
      if (t.requests.length > 0) {
        c.sessionEndedWithRequests += 1;
        note(t, `${t.requests.map((r) => r.op).join('+')} on a SessionEndedRequest`);
      }
      continue;
    }
    const reads = t.requests.filter(isRead);
    const weeklyQuery = isWeekly(t) ? reads.filter((r) => r.op === 'Query') : [];
    if (isWeekly(t)) c.weeklySummaries += 1;
    // The re-read of the stored record after a refused write: allowed, one per refusal.
    const firstConflict = t.requests.findIndex((r) => r.conflict);
    const afterConflict = conflicts > 0 ? reads.filter((r) => t.requests.indexOf(r) > firstConflict && (r.op === 'BatchGetItem' || r.op === 'GetItem')).slice(0, conflicts) : [];
    c.readsAfterConflict += afterConflict.length;
    const other = reads.filter((r) => !weeklyQuery.includes(r) && !afterConflict.includes(r));
    if (t.newSession) {
      c.newSessionTurns += 1;
      if (other.length === 1) c.newSessionWithOneRead += 1;
      else note(t, `${other.length} reads when the session started (${other.map((r) => r.op).join('+') || 'none'})`);
    } else {
      c.inSessionTurns += 1;
      c.inSessionReads += other.length;
      if (other.length > 0) note(t, `${other.map((r) => r.op).join('+')} inside the session`);
    }
    const writes = t.requests.filter(isWrite);
    const progress = writes.filter((r) => r.op === 'PutItem' && r.sortKey === 'PROGRESS');
    const history = writes.filter(isHistoryWrite);
    const settings = writes.filter((r) => r.op === 'PutItem' && r.sortKey === 'SETTINGS');
    const settingsLanded = settings.filter((r) => !r.conflict).length;
    c.settingsWrites += settings.length;
    if (settings.length > 0) c.settingsWriteTurns += 1;
    if (settingsLanded > 1) {
      c.settingsWritesOverOnePerTurn += 1;
      note(t, `${settingsLanded} SETTINGS writes landed`);
    }
    const unconditionalSettings = settings.filter((r) => !r.conditional).length;
    c.unconditionalSettingsWrites += unconditionalSettings;
    if (unconditionalSettings > 0) note(t, 'SETTINGS written without a condition');
    const others = writes.filter((r) => !progress.includes(r) && !history.includes(r) && !settings.includes(r));
    c.otherWrites += others.length;
    if (others.length > 0) note(t, `unexpected writes ${others.map((r) => `${r.op}:${r.sortKey ?? ''}`).join(', ')}`);
    const unconditional = progress.filter((r) => !r.conditional).length;
    c.unconditionalProgressWrites += unconditional;
    if (unconditional > 0) note(t, 'progress written without a condition');
    const retried = t.label === 'retried-request';
    if (!retried) {
      c.turnsExpectingAWrite += 1;
      const landed = progress.filter((r) => r.conditional && !r.conflict).length;
      if (landed === 1) c.turnsWithOneConditionalWrite += 1;
      else note(t, `${landed} conditional progress writes landed`);
    }
    if (history.length > 0) {
      if (!t.newSession) c.historyWritesOutsideRollover += history.length;
      c.rolloverTurns += 1;
      const expected = 2 + Math.min(1, settingsLanded);
      if (writes.length === expected && history.length === 1) c.rolloverTurnsAsBudgeted += 1;
      else note(t, `${writes.map((r) => `${r.op}:${r.sortKey ?? ''}`).join('+')} at a day rollover`);
    }
  }
  return c;
}

/** DynamoDB requests per turn by kind, as counted at the proxy. */
export function requestsByKind(turns: readonly TurnRecord[]): Record<string, { requests: number; perTurn: number; conditional: number; conflicts: number }> {
  const out: Record<string, { requests: number; perTurn: number; conditional: number; conflicts: number }> = {};
  for (const t of turns) {
    for (const r of t.requests) {
      const key = r.op === 'PutItem' ? `PutItem ${(r.sortKey ?? '').startsWith('DAY#') ? 'DAY#' : (r.sortKey ?? '?')}` : r.op;
      const entry = (out[key] ??= { requests: 0, perTurn: 0, conditional: 0, conflicts: 0 });
      entry.requests += 1;
      if (r.conditional) entry.conditional += 1;
      if (r.conflict) entry.conflicts += 1;
    }
  }
  for (const entry of Object.values(out)) entry.perTurn = round(entry.requests / Math.max(1, turns.length), 4);
  return out;
}

/** Requests, items and capacity of one kind of turn, e.g. the weekly summaries. */
export function turnWork(turns: readonly TurnRecord[]) {
  const per = turns.map((t) => ({
    requests: t.requests.map((r) => r.op).join('+'),
    queries: t.requests.filter((r) => r.op === 'Query').length,
    itemsRead: sum(t.requests.filter((r) => r.op === 'Query').map((r) => r.itemsReturned)),
    itemsScanned: sum(t.requests.filter((r) => r.op === 'Query').map((r) => r.itemsScanned)),
    readUnits: sum(t.requests.filter(isRead).map((r) => (r.op === 'BatchGetItem' ? r.keysRequested : readUnits(r.bytesRead, r.consistentRead)))),
    writeUnits: sum(t.requests.filter((r) => r.op === 'PutItem').map((r) => writeUnits(r.itemBytes ?? 0))),
  }));
  const shapes = [...new Set(per.map((p) => p.requests))];
  return {
    turns: turns.length,
    requestShapes: shapes,
    maxQueries: Math.max(0, ...per.map((p) => p.queries)),
    maxItemsRead: Math.max(0, ...per.map((p) => p.itemsRead)),
    maxItemsScanned: Math.max(0, ...per.map((p) => p.itemsScanned)),
    readUnits: Math.max(0, ...per.map((p) => p.readUnits)),
    writeUnits: Math.max(0, ...per.map((p) => p.writeUnits)),
  };
}

export type Row = {
  figure: string;
  skill: string;
  floor: string;
  ratio: string;
  budget: string;
  holds: '' | 'yes' | 'NO';
};

export const fmt = (value: number, digits = 1): string => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
export const fmtInt = (value: number): string => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a');

export function printTable(rows: readonly Row[]): string {
  const headers: Row = { figure: 'figure', skill: 'skill', floor: 'floor', ratio: 'ratio', budget: 'budget', holds: 'holds?' as Row['holds'] };
  const all = [headers, ...rows];
  const keys = ['figure', 'skill', 'floor', 'ratio', 'budget', 'holds'] as const;
  const widths = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: Row) => `| ${keys.map((k, i) => (i === 0 ? r[k].padEnd(widths[i]!) : r[k].padStart(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

/**
 * Which kinds of turn make the slow tail: for each kind (LaunchRequest, an intent, a new session's first
 * intent), its share of all warm turns, its share of the turns at or over the p99 excluding the store, and its
 * median CPU. A kind much more common in the tail than overall is where the p99 comes from.
 */
export function slowTailByKind(processes: ReadonlyArray<{ warm: readonly TurnRecord[] }>, warmupRounds: number) {
  const kindOf = (t: TurnRecord) => (t.newSession && t.kind !== 'LaunchRequest' ? `${t.kind} (new session)` : t.kind);
  const tail: TurnRecord[] = [];
  const all: TurnRecord[] = [];
  for (const p of processes) {
    const warm = p.warm.filter((t) => t.round >= warmupRounds);
    const excl = (t: TurnRecord) => Math.max(0, t.wallMs - t.ioMs);
    const p99 = percentile(warm.map(excl), 99);
    all.push(...warm);
    tail.push(...warm.filter((t) => excl(t) >= p99));
  }
  const kinds = [...new Set(all.map(kindOf))];
  return kinds
    .map((kind) => {
      const ofKind = all.filter((t) => kindOf(t) === kind);
      return {
        kind,
        shareOfTurns: round(ofKind.length / Math.max(1, all.length), 3),
        shareOfTail: round(tail.filter((t) => kindOf(t) === kind).length / Math.max(1, tail.length), 3),
        cpuP50Ms: round(median(ofKind.map((t) => t.cpuUs / 1000)), 3),
      };
    })
    .sort((a, b) => b.shareOfTail - a.shareOfTail);
}
