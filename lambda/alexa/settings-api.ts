// The device's time zone from the Alexa Settings API, within a short timeout; null whenever it cannot tell.
import type { RequestEnvelope } from 'ask-sdk-model';
import * as z from 'zod/mini';
import { isValidTimeZone } from '../engine/day';

/** The answer is never delayed for the time zone: past this, the cached or locale zone is used. */
export const SETTINGS_API_TIMEOUT_MS = 500;

export type DeviceTimeZone = (envelope: RequestEnvelope) => Promise<string | null>;

export function settingsApiTimeZone(fetchImpl: typeof fetch = fetch, timeoutMs = SETTINGS_API_TIMEOUT_MS): DeviceTimeZone {
  return async (envelope) => {
    const system = envelope.context?.System;
    const deviceId = system?.device?.deviceId;
    if (system?.apiEndpoint === undefined || system.apiAccessToken === undefined || deviceId === undefined) return null;
    try {
      const response = await fetchImpl(
        `${system.apiEndpoint}/v2/devices/${encodeURIComponent(deviceId)}/settings/System.timeZone`,
        {
          headers: { Authorization: `Bearer ${system.apiAccessToken}`, Accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        },
      );
      if (response.status !== 200) return null;
      const zone = z.string().check(z.maxLength(64)).safeParse(await response.json());
      return zone.success && isValidTimeZone(zone.data) ? zone.data : null;
    } catch {
      return null;
    }
  };
}
