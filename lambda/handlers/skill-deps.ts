// What the handlers need from outside: the stores, the logger, the clock and the device's time zone.
import type { RemindersApi } from '../alexa/reminders-api';
import type { DeviceTimeZone } from '../alexa/settings-api';
import type { Config } from '../config';
import type { DayRecord } from '../engine/types';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics';
import type { ProgressStore } from '../store/progress-store';
import type { StorageDeadline } from '../store/retry';
import type { UserRecords } from '../store/user-records';

export type SkillStores = {
  progress: ProgressStore;
  users: {
    load(userKey: string, deadline?: StorageDeadline): Promise<UserRecords>;
    /** The plan alone, for a session whose first read could not tell it. */
    loadPlan(userKey: string, deadline?: StorageDeadline): Promise<Pick<UserRecords, 'plan' | 'problems'>>;
    /** Throws (IncompleteDeleteError when items are left), so a failed deletion is never taken for done. */
    deleteAll(userKey: string): Promise<number>;
  };
  history: {
    putDay(userKey: string, record: DayRecord, deadline?: StorageDeadline): Promise<void>;
    queryDays(userKey: string, fromDay: string, toDay: string, deadline?: StorageDeadline): Promise<DayRecord[]>;
  };
};

export type SkillDeps = {
  stores: SkillStores;
  logger: Logger;
  /** Counts for CloudWatch (lambda/metrics.ts), written once per invocation; buildSkill gives noMetrics when none is passed. */
  metrics: Metrics;
  config: Pick<Config, 'healthLog' | 'userKeySecret' | 'skillId'>;
  /** Used only when a request carries no usable timestamp; the skill's clock is request.timestamp. */
  clock: () => number;
  deviceTimeZone: DeviceTimeZone;
  reminders: RemindersApi;
  /** The therapist's report (issue 15): where codes are stored, and the page's address for the card (null: not known). */
  report?: { codes: { issue(userKey: string, nowMs: number, draw: () => string, hash: (code: string) => string): Promise<string> }; address: string | null };
};
