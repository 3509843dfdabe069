// The device's time zone from the Alexa Settings API, within a short timeout; null whenever it cannot tell.
import type { RequestEnvelope } from 'ask-sdk-model';
import * as z from 'zod/mini';
import { isValidTimeZone } from '../engine/day';
import { MAX_TIME_ZONE_LENGTH } from '../engine/state';
import { httpJson, type HttpJson } from './http-json';

/** The answer is never delayed for the time zone: past this, the cached or locale zone is used. */
export const SETTINGS_API_TIMEOUT_MS = 500;

export type DeviceTimeZone = (envelope: RequestEnvelope) => Promise<string | null>;

const ZoneSchema = z.string().check(z.minLength(1), z.maxLength(MAX_TIME_ZONE_LENGTH));

export function settingsApiTimeZone(call: HttpJson = httpJson, timeoutMs = SETTINGS_API_TIMEOUT_MS): DeviceTimeZone {
  return async (envelope) => {
    const system = envelope.context?.System;
    const deviceId = system?.device?.deviceId;
    if (system?.apiEndpoint === undefined || system.apiAccessToken === undefined || deviceId === undefined) return null;
    try {
      const response = await call(`${system.apiEndpoint}/v2/devices/${encodeURIComponent(deviceId)}/settings/System.timeZone`, {
        method: 'GET',
        headers: { Authorization: `Bearer ${system.apiAccessToken}`, Accept: 'application/json' },
        timeoutMs,
      });
      if (response.status !== 200) return null;
      const zone = ZoneSchema.safeParse(response.body);
      return zone.success && isValidTimeZone(zone.data) ? zone.data : null;
    } catch {
      return null;
    }
  };
}
