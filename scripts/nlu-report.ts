// `npm run nlu:report`: how the console's NLU stand-in (scripts/console/resolver.ts) resolves the two caregiver
// corpora against the committed models, per locale: the frozen held-out corpus (test/corpus/held-out/, never
// used to revise samples) and the training corpus (test/corpus/corpus.ts). For each: the scores (right kind of
// intent, exact intent, intent and slots), the recall of every intent, the confusion of intents, the safety
// rules, the share of everyday requests that reach the fallback, and every miss.
// `-- --held-out` or `-- --training` prints one corpus; `-- --brief` leaves out the miss lists.
import { INTENTS } from '../lambda/intents';
import { CORPUS } from '../test/corpus/corpus';
import { confusion, evaluate, formatTable, missTable, percent, recallByIntent, safetyBreaches, scoreLines, type Outcome } from '../test/corpus/evaluate';
import { HELD_OUT_CORPUS } from '../test/corpus/held-out/held-out';

export function report(name: string, outcomes: readonly Outcome[], brief = false): string {
  const everyday = outcomes.filter((o) => o.entry.intent === INTENTS.fallback);
  const recall = recallByIntent(outcomes);
  const lines = [
    ...scoreLines(name, outcomes),
    `  everyday requests to the fallback: ${everyday.filter((o) => o.intent === INTENTS.fallback).length}/${everyday.length} (${percent(everyday.filter((o) => o.intent === INTENTS.fallback).length, everyday.length)})`,
    `  safety (pain and emergency recall, never crossed, nothing else to emergency): ${safetyBreaches(outcomes).length === 0 ? 'kept' : `${safetyBreaches(outcomes).length} breaches`}`,
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
  if (both || args.has('--held-out')) parts.push(report(`held-out corpus (${HELD_OUT_CORPUS.length} phrasings, frozen)`, evaluate(HELD_OUT_CORPUS), brief));
  if (both || args.has('--training')) parts.push(report(`training corpus (${CORPUS.length} phrasings)`, evaluate(CORPUS), brief));
  parts.push(`(resolved in ${(performance.now() - started).toFixed(0)} ms, classifiers trained or loaded from .data/nlu/)`);
  console.log(parts.join('\n\n'));
}

if (require.main === module) main();
