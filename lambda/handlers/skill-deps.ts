// What the handlers need from outside: the store, the logger, the clock and the time zone.
import type { TimeZoneResolver } from '../alexa/time-zone';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { ProgressStore } from '../store/progress-store';

export type SkillDeps = {
  store: ProgressStore;
  logger: Logger;
  config: Pick<Config, 'healthLog' | 'userKeySecret' | 'skillId'>;
  /** Used only when a request carries no usable timestamp; the skill's clock is request.timestamp. */
  clock: () => number;
  timeZoneFor: TimeZoneResolver;
};
