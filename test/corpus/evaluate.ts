// Resolves corpus entries with the console's resolver against the model of each entry's locale: by default the
// samples as written (the HEALTH_LOG=detailed variant, every sample of interactionModels/), or the committed,
// published model (HEALTH_LOG off: no severity slot, no pain-history questions).
import type { Slot } from 'ask-sdk-model';
import { LOCALES, type Locale } from '../../lambda/markets';
import { createResolver, type Resolver } from '../../scripts/console/resolver';
import type { HealthLog } from '../../interactionModels/build-model';
import { committedModel, detailedModel } from '../support/model';
import type { CorpusEntry } from './corpus';

export type Outcome = {
  entry: CorpusEntry;
  intent: string;
  slots: Record<string, string>;
  via: string;
  sample?: string;
  score?: number;
  right: boolean;
};

/** The id Alexa would resolve a slot to, or its value for built-in types (AMAZON.NUMBER, AMAZON.TIME). */
export function slotIds(slots: Record<string, Slot> | undefined): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const [name, slot] of Object.entries(slots ?? {})) {
    if (slot.value === undefined || slot.value === '') continue;
    const authority = slot.resolutions?.resolutionsPerAuthority?.[0];
    ids[name] = authority === undefined ? slot.value : (authority.values[0]?.value.id ?? slot.value);
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
    resolver = createResolver(healthLog === 'detailed' ? detailedModel(locale) : committedModel(locale));
    resolvers.set(`${healthLog} ${locale}`, resolver);
  }
  return resolver;
}

export function evaluate(entries: readonly CorpusEntry[], healthLog: HealthLog = 'detailed'): Outcome[] {
  for (const locale of LOCALES) resolverFor(locale, healthLog);
  return entries.map((entry) => {
    const result = resolverFor(entry.locale, healthLog).resolve(entry.utterance);
    const slots = slotIds(result.intent.slots);
    const right = result.intent.name === entry.intent && sameSlots(slots, entry.slots ?? {});
    return {
      entry,
      intent: result.intent.name,
      slots,
      via: result.via,
      ...(result.sample !== undefined ? { sample: result.sample } : {}),
      ...(result.score !== undefined ? { score: result.score } : {}),
      right,
    };
  });
}

export function missTable(outcomes: readonly Outcome[]): Array<Record<string, string>> {
  return outcomes
    .filter((o) => !o.right)
    .map((o) => ({
      locale: o.entry.locale,
      utterance: o.entry.utterance,
      expected: `${o.entry.intent} ${JSON.stringify(o.entry.slots ?? {})}`,
      got: `${o.intent} ${JSON.stringify(o.slots)}`,
      via: `${o.via}${o.score !== undefined ? ` ${o.score}` : ''}${o.sample !== undefined ? ` "${o.sample}"` : ''}`,
    }));
}
