// Slot values read at the edge: only entity-resolved ids and bounded numbers reach the engine.
import { getRequestType, getSlot } from 'ask-sdk-core';
import type { RequestEnvelope } from 'ask-sdk-model';
import * as z from 'zod/mini';

const ResolvedSchema = z.object({
  resolutions: z.object({
    resolutionsPerAuthority: z.array(
      z.object({
        status: z.object({ code: z.string() }),
        values: z.optional(z.array(z.object({ value: z.object({ id: z.optional(z.string()), name: z.string() }) }))),
      }),
    ),
  }),
});

/** The id of a custom-type slot value Alexa matched (ER_SUCCESS_MATCH), or null for anything else. */
export function resolvedSlotId(envelope: RequestEnvelope, slotName: string): string | null {
  if (getRequestType(envelope) !== 'IntentRequest') return null;
  const parsed = ResolvedSchema.safeParse(getSlot(envelope, slotName));
  if (!parsed.success) return null;
  for (const authority of parsed.data.resolutions.resolutionsPerAuthority) {
    if (authority.status.code !== 'ER_SUCCESS_MATCH') continue;
    const value = authority.values?.[0]?.value;
    if (value !== undefined) return value.id ?? value.name;
  }
  return null;
}

/** Picks a resolved id only if it is one of the allowed values. */
export function resolvedChoice<T extends string>(envelope: RequestEnvelope, slotName: string, allowed: readonly T[]): T | null {
  const id = resolvedSlotId(envelope, slotName);
  return id !== null && (allowed as readonly string[]).includes(id) ? (id as T) : null;
}

/** An AMAZON.NUMBER slot within bounds; anything missing, non-numeric or out of range is null. */
export function boundedNumberSlot(envelope: RequestEnvelope, slotName: string, min: number, max: number): number | null {
  if (getRequestType(envelope) !== 'IntentRequest') return null;
  const raw = getSlot(envelope, slotName)?.value;
  const parsed = z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)).safeParse(raw);
  return raw === undefined || raw === '' || !parsed.success ? null : parsed.data;
}

/** An AMAZON.TIME slot as hour and minute ("10:00", "19:30"); vaguer values ("MO", "EV") count as no time. */
export function timeSlot(envelope: RequestEnvelope, slotName: string): { hour: number; minute: number } | null {
  if (getRequestType(envelope) !== 'IntentRequest') return null;
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(getSlot(envelope, slotName)?.value ?? '');
  return match === null ? null : { hour: Number(match[1]), minute: Number(match[2]) };
}
