// Resolves corpus entries with the console's NLU stand-in against the model of each entry's locale, and scores
// them: the right kind of intent (what the skill does with it), the exact intent, and the slots. By default the
// model is the HEALTH_LOG=detailed variant (every sample of interactionModels/); 'off' is the committed, published
// model (no severity slot, no pain-history questions).
import type { Slot } from 'ask-sdk-model';
import { INTENTS, TWIN_OF_BUILT_IN } from '../../lambda/intents';
import { LOCALES, type Locale } from '../../lambda/markets';
import { cachedClassifier } from '../../scripts/console/nlu-cache';
import { createResolver, type Resolver } from '../../scripts/console/resolver';
import { isPainHistoryQuestion, type HealthLog } from '../../interactionModels/build-model';
import { committedModel, detailedModel } from '../support/model';
import type { CorpusEntry } from './corpus';

export type Outcome = {
  entry: CorpusEntry;
  intent: string;
  slots: Record<string, string>;
  via: string;
  sample?: string;
  score?: number;
  /** The intent (a custom twin counting as its built-in) and every slot id as expected. */
  right: boolean;
  /** An intent the skill treats the same way as the expected one (see KINDS). */
  rightKind: boolean;
};

/**
 * The built-in a custom twin stands in for (lambda/intents.ts TWIN_OF_BUILT_IN; the handler sends the same
 * engine event for both): the corpora label what was meant with the built-in, and either counts as that intent.
 */
export const sameIntent = (intent: string): string => (TWIN_OF_BUILT_IN as Record<string, string | undefined>)[intent] ?? intent;

/**
 * Intents the skill handles alike (lambda/handlers/intent-events.ts): Stop, Cancel and NavigateHome all stop;
 * Tired and EndEarly both end the day early (Tired also records fatigue as the reason).
 */
const KINDS: Readonly<Record<string, string>> = {
  [INTENTS.cancel]: INTENTS.stop,
  [INTENTS.navigateHome]: INTENTS.stop,
  [INTENTS.tired]: INTENTS.endEarly,
  // Strong pain is a pain stop with more advice: either one stops the step.
  [INTENTS.strongPain]: INTENTS.reportPain,
};
export const kindOf = (intent: string): string => {
  const same = sameIntent(intent);
  return KINDS[same] ?? same;
};

/** The id Alexa would resolve a slot to, or its value for built-in types (AMAZON.NUMBER, AMAZON.TIME). */
export function slotIds(slots: Record<string, Slot> | undefined): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [name, slot] of Object.entries(slots ?? {})) {
    if (slot.value === undefined || slot.value === '') continue;
    const authority = slot.resolutions?.resolutionsPerAuthority?.[0];
    ids[name] = authority === undefined ? slot.value : (authority.values[0]?.value.id ?? `?${slot.value}`);
  }
  return ids;
}

function sameSlots(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}

const resolvers = new Map<string, Resolver>();
export function resolverFor(locale: Locale, healthLog: HealthLog = 'detailed'): Resolver {
  let resolver = resolvers.get(`${healthLog} ${locale}`);
  if (resolver === undefined) {
    const model = healthLog === 'detailed' ? detailedModel(locale) : committedModel(locale);
    resolver = createResolver(model, { trained: cachedClassifier(model) });
    resolvers.set(`${healthLog} ${locale}`, resolver);
  }
  return resolver;
}

export function evaluate(entries: readonly CorpusEntry[], healthLog: HealthLog = 'detailed'): Outcome[] {
  return entries.map((entry) => {
    const result = resolverFor(entry.locale, healthLog).resolve(entry.utterance);
    const slots = slotIds(result.intent.slots);
    const rightKind = kindOf(result.intent.name) === kindOf(entry.intent);
    return {
      entry,
      intent: result.intent.name,
      slots,
      via: result.via,
      ...(result.sample !== undefined ? { sample: result.sample } : {}),
      ...(result.score !== undefined ? { score: result.score } : {}),
      right: sameIntent(result.intent.name) === sameIntent(entry.intent) && sameSlots(slots, entry.slots ?? {}),
      rightKind,
    };
  });
}

/**
 * The corpus as the published model (HEALTH_LOG off) is to be scored on: it has no severity slot and does not
 * answer when it last hurt (interactionModels/build-model.ts, forHealthLog), so those questions are left out and
 * no severity is expected; everything else is expected as written.
 */
export function publishedExpectations(entries: readonly CorpusEntry[]): CorpusEntry[] {
  return entries
    .filter((entry) => !isPainHistoryQuestion(entry.intent, entry.utterance))
    .map((entry) => {
      if (entry.slots === undefined || !('severity' in entry.slots)) return entry;
      const { severity: _severity, ...slots } = entry.slots;
      return Object.keys(slots).length === 0 ? { locale: entry.locale, utterance: entry.utterance, intent: entry.intent } : { ...entry, slots };
    });
}

export type Score = { total: number; kind: number; intent: number; right: number };

export function scoreOf(outcomes: readonly Outcome[]): Score {
  return {
    total: outcomes.length,
    kind: outcomes.filter((o) => o.rightKind).length,
    intent: outcomes.filter((o) => sameIntent(o.intent) === sameIntent(o.entry.intent)).length,
    right: outcomes.filter((o) => o.right).length,
  };
}

export const percent = (part: number, whole: number): string => (whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`);

/** One line per locale and one for all: right kind of intent, exact intent, intent and slots. */
export function scoreLines(name: string, outcomes: readonly Outcome[]): string[] {
  const line = (label: string, os: readonly Outcome[]): string => {
    const s = scoreOf(os);
    return `  ${label.padEnd(6)} ${String(s.total).padStart(4)}  kind ${percent(s.kind, s.total).padStart(6)}  intent ${percent(s.intent, s.total).padStart(6)}  intent+slots ${percent(s.right, s.total).padStart(6)}`;
  };
  return [
    `${name}:`,
    ...LOCALES.filter((l) => outcomes.some((o) => o.entry.locale === l)).map((l) => line(l, outcomes.filter((o) => o.entry.locale === l))),
    line('all', outcomes),
  ];
}

/** Recall of each expected intent's kind, lowest first. */
export function recallByIntent(outcomes: readonly Outcome[]): Array<{ intent: string; total: number; kind: number }> {
  const byIntent = new Map<string, { total: number; kind: number }>();
  for (const o of outcomes) {
    const row = byIntent.get(o.entry.intent) ?? { total: 0, kind: 0 };
    row.total += 1;
    if (o.rightKind) row.kind += 1;
    byIntent.set(o.entry.intent, row);
  }
  return [...byIntent].map(([intent, r]) => ({ intent, ...r })).sort((a, b) => a.kind / a.total - b.kind / b.total || a.intent.localeCompare(b.intent));
}

/** Expected intent -> resolved intent -> count, for the rows where they differ. */
export function confusion(outcomes: readonly Outcome[]): Array<{ expected: string; got: string; count: number }> {
  const counts = new Map<string, number>();
  for (const o of outcomes) {
    if (sameIntent(o.intent) === sameIntent(o.entry.intent)) continue;
    const key = `${o.entry.intent}\t${o.intent}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts]
    .map(([key, count]) => {
      const [expected = '', got = ''] = key.split('\t');
      return { expected, got, count };
    })
    .sort((a, b) => b.count - a.count || a.expected.localeCompare(b.expected));
}

/** The safety rules: pain and emergencies always recognised, never crossed, nothing else sent to the emergency intent. */
export function safetyBreaches(outcomes: readonly Outcome[]): Outcome[] {
  return outcomes.filter(
    (o) =>
      (o.entry.intent === INTENTS.emergency && o.intent !== INTENTS.emergency) ||
      (kindOf(o.entry.intent) === INTENTS.reportPain && kindOf(o.intent) !== INTENTS.reportPain) ||
      (o.entry.intent !== INTENTS.emergency && o.intent === INTENTS.emergency),
  );
}

export function missTable(outcomes: readonly Outcome[], which: (o: Outcome) => boolean = (o) => !o.right): Array<Record<string, string>> {
  return outcomes.filter(which).map((o) => ({
    locale: o.entry.locale,
    utterance: o.entry.utterance,
    expected: `${o.entry.intent} ${JSON.stringify(o.entry.slots ?? {})}`,
    got: `${o.intent} ${JSON.stringify(o.slots)}`,
    via: `${o.via}${o.score !== undefined ? ` ${o.score}` : ''}${o.sample !== undefined ? ` "${o.sample}"` : ''}`,
  }));
}

export function formatTable(rows: ReadonlyArray<Record<string, string>>): string {
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: string[]) => `  | ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c] ?? '')))].join('\n');
}
