// The Alexa Reminders API: one daily reminder per user, with a label that carries no health detail.
import type { RequestEnvelope } from 'ask-sdk-model';
import * as z from 'zod/mini';
import { addDays, localParts } from '../engine/day';
import { MAX_ALERT_TOKEN_LENGTH } from '../engine/state';
import { httpJson, type HttpJson } from './http-json';

export const REMINDERS_PERMISSION = 'alexa::alerts:reminders:skill:readwrite';
/** Outbound calls never hold up the answer for long; a slow API counts as a failure. */
export const REMINDERS_API_TIMEOUT_MS = 500;

export type ReminderResult = { ok: true; alertToken: string } | { ok: false; reason: 'permission' | 'error' };

export type DailyReminder = { hour: number; minute: number; timeZone: string; locale: string; text: string; nowMs: number };

export type RemindersApi = {
  createDaily(envelope: RequestEnvelope, reminder: DailyReminder): Promise<ReminderResult>;
  remove(envelope: RequestEnvelope, alertToken: string): Promise<{ ok: boolean }>;
};

const two = (n: number) => String(n).padStart(2, '0');

/** The next local date-time at hour:minute, as the API wants it: local, without an offset. */
export function firstOccurrence(nowMs: number, timeZone: string, hour: number, minute: number): string {
  const now = localParts(nowMs, timeZone);
  const passed = now.hour * 60 + now.minute >= hour * 60 + minute;
  return `${passed ? addDays(now.day, 1) : now.day}T${two(hour)}:${two(minute)}:00.000`;
}

export function reminderBody(reminder: DailyReminder): Record<string, unknown> {
  return {
    requestTime: new Date(reminder.nowMs).toISOString().replace('Z', ''),
    trigger: {
      type: 'SCHEDULED_ABSOLUTE',
      timeZoneId: reminder.timeZone,
      recurrence: {
        startDateTime: firstOccurrence(reminder.nowMs, reminder.timeZone, reminder.hour, reminder.minute),
        recurrenceRules: [`FREQ=DAILY;BYHOUR=${reminder.hour};BYMINUTE=${reminder.minute};BYSECOND=0`],
      },
    },
    alertInfo: { spokenInfo: { content: [{ locale: reminder.locale, text: reminder.text }] } },
    pushNotification: { status: 'ENABLED' },
  };
}

const hasConsent = (envelope: RequestEnvelope) => envelope.context.System.user.permissions?.consentToken !== undefined;

/** A token longer than the stored record keeps could not be used to cancel the reminder later. */
const CreatedSchema = z.object({ alertToken: z.string().check(z.minLength(1), z.maxLength(MAX_ALERT_TOKEN_LENGTH)) });

export function alexaRemindersApi(http: HttpJson = httpJson, timeoutMs = REMINDERS_API_TIMEOUT_MS): RemindersApi {
  const call = (envelope: RequestEnvelope, path: string, method: 'POST' | 'DELETE', body?: string) => {
    const { apiEndpoint, apiAccessToken } = envelope.context.System;
    return http(`${apiEndpoint}/v1/alerts/reminders${path}`, {
      method,
      headers: { Authorization: `Bearer ${apiAccessToken ?? ''}`, 'Content-Type': 'application/json' },
      ...(body !== undefined ? { body } : {}),
      timeoutMs,
    });
  };
  return {
    async createDaily(envelope, reminder) {
      if (!hasConsent(envelope)) return { ok: false, reason: 'permission' };
      try {
        const response = await call(envelope, '', 'POST', JSON.stringify(reminderBody(reminder)));
        if (response.status === 401 || response.status === 403) return { ok: false, reason: 'permission' };
        if (response.status !== 200 && response.status !== 201) return { ok: false, reason: 'error' };
        const body = CreatedSchema.safeParse(response.body);
        if (body.success) return { ok: true, alertToken: body.data.alertToken };
        // Created, but with a token the record cannot keep: remove it now, or it would ring with no way to cancel it.
        const token = (response.body as { alertToken?: unknown } | null)?.alertToken;
        if (typeof token === 'string' && token !== '') await call(envelope, `/${encodeURIComponent(token)}`, 'DELETE').catch(() => undefined);
        return { ok: false, reason: 'error' };
      } catch {
        return { ok: false, reason: 'error' };
      }
    },
    async remove(envelope, alertToken) {
      try {
        const response = await call(envelope, `/${encodeURIComponent(alertToken)}`, 'DELETE');
        // A reminder the user already deleted in the app is gone either way.
        return { ok: response.status === 200 || response.status === 204 || response.status === 404 };
      } catch {
        return { ok: false };
      }
    },
  };
}
