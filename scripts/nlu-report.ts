// `npm run nlu:report`: how the console's NLU stand-in (scripts/console/resolver.ts) resolves the two caregiver
// corpora against the committed models, per locale: the frozen held-out corpus (test/corpus/held-out/, never
// used to revise samples) and the training corpus (test/corpus/corpus.ts). For each: the scores (right kind of
// intent, exact intent, intent and slots), the recall of every intent, the confusion of intents, the safety
// rules, the share of everyday requests that reach the fallback, and every miss.
// `-- --held-out` or `-- --training` prints one corpus; `-- --brief` leaves out the miss lists.
import { INTENTS } from '../lambda/intents';
import { CORPUS } from '../test/corpus/corpus';
import { confusion, evaluate, formatTable, missTable, percent, publishedExpectations, recallByIntent, safetyBreaches, scoreLines, type Outcome } from '../test/corpus/evaluate';
import { HELD_OUT_CORPUS } from '../test/corpus/held-out/held-out';
import { NEW_INTENTS_HELD_OUT } from '../test/corpus/held-out/new-intents-blind';

const everydayLine = (outcomes: readonly Outcome[]): string => {
  const everyday = outcomes.filter((o) => o.entry.intent === INTENTS.fallback);
  const reached = everyday.filter((o) => o.intent === INTENTS.fallback).length;
  return `  everyday requests to the fallback: ${reached}/${everyday.length} (${percent(reached, everyday.length)})`;
};
const safetyLine = (outcomes: readonly Outcome[]): string =>
  `  safety (pain and emergency recall, never crossed, nothing else to emergency): ${safetyBreaches(outcomes).length === 0 ? 'kept' : `${safetyBreaches(outcomes).length} breaches`}`;

/**
 * The same corpus through the published model (HEALTH_LOG off, as committed): scores only, with the questions
 * about when it last hurt left out and no severity expected (publishedExpectations).
 */
export function publishedReport(name: string, outcomes: readonly Outcome[], leftOut: number): string {
  const lines = [...scoreLines(`${name}, published model (HEALTH_LOG off; ${leftOut} pain-history questions left out, no severity expected)`, outcomes), everydayLine(outcomes), safetyLine(outcomes)];
  const breaches = safetyBreaches(outcomes);
  if (breaches.length > 0) lines.push('  safety breaches:', formatTable(missTable(breaches, () => true)));
  return lines.join('\n');
}

export function report(name: string, outcomes: readonly Outcome[], brief = false): string {
  const recall = recallByIntent(outcomes);
  const lines = [
    ...scoreLines(`${name}, HEALTH_LOG=detailed model`, outcomes),
    everydayLine(outcomes),
    safetyLine(outcomes),
    `  recall by intent (right kind), lowest first:`,
    ...recall.map((r) => `    ${r.intent.padEnd(26)} ${`${r.kind}/${r.total}`.padStart(6)}  ${percent(r.kind, r.total).padStart(6)}`),
    `  confusion (expected -> resolved, where they differ):`,
    ...confusion(outcomes).map((c) => `    ${c.expected.padEnd(26)} -> ${c.got.padEnd(26)} ${c.count}`),
  ];
  const breaches = safetyBreaches(outcomes);
  if (breaches.length > 0) lines.push('  safety breaches:', formatTable(missTable(breaches, () => true)));
  if (!brief) {
    const misses = missTable(outcomes);
    lines.push(misses.length === 0 ? '  no misses' : `  every miss (intent or slots):\n${formatTable(misses)}`);
  }
  return lines.join('\n');
}

function main(): void {
  const args = new Set(process.argv.slice(2));
  const brief = args.has('--brief');
  const both = !args.has('--held-out') && !args.has('--training');
  const started = performance.now();
  const parts: string[] = [];
  const corpora = [
    ...(both || args.has('--held-out') ? [[`held-out corpus (${HELD_OUT_CORPUS.length} phrasings, frozen)`, HELD_OUT_CORPUS] as const] : []),
    ...(both || args.has('--held-out')
      ? [[`blind held-out rows for the intents added later (${NEW_INTENTS_HELD_OUT.length} phrasings, written without the samples)`, NEW_INTENTS_HELD_OUT] as const]
      : []),
    ...(both || args.has('--training') ? [[`training corpus (${CORPUS.length} phrasings)`, CORPUS] as const] : []),
  ];
  for (const [name, entries] of corpora) parts.push(report(name, evaluate(entries), brief));
  // The published model beside it: cheap (its classifiers are cached too), scores only.
  for (const [name, entries] of corpora) {
    const published = publishedExpectations(entries);
    parts.push(publishedReport(name, evaluate(published, 'off'), entries.length - published.length));
  }
  parts.push(`(resolved in ${(performance.now() - started).toFixed(0)} ms, classifiers trained or loaded from .data/nlu/)`);
  console.log(parts.join('\n\n'));
}

if (require.main === module) main();
