// buildSkill(deps): the ask-sdk skill with its handlers, logging interceptors and error handler.
import { getRequestType, SkillBuilders, type HandlerInput, type Skill } from 'ask-sdk-core';
import type { IntentRequest } from 'ask-sdk-model';
import { buildErrorHandler } from './handlers/error-handler';
import { buildRequestHandlers } from './handlers/request-handlers';
import type { SkillDeps } from './handlers/skill-deps';
import { noMetrics, type Metrics } from './metrics';

const STARTED_AT = 'startedAtMs';

/** The skill's dependencies; without metrics (tests, the console) nothing is counted. */
export type SkillInput = Omit<SkillDeps, 'metrics'> & { metrics?: Metrics };

export function buildSkill(input: SkillInput): Skill {
  const deps: SkillDeps = { ...input, metrics: input.metrics ?? noMetrics };
  const builder = SkillBuilders.custom()
    .addRequestHandlers(...buildRequestHandlers(deps))
    .addErrorHandlers(buildErrorHandler(deps))
    .addRequestInterceptors((input: HandlerInput) => {
      input.attributesManager.setRequestAttributes({ [STARTED_AT]: deps.clock() });
    })
    .addResponseInterceptors((input: HandlerInput) => {
      const { request } = input.requestEnvelope;
      const startedAt = input.attributesManager.getRequestAttributes()[STARTED_AT] as number | undefined;
      deps.logger.info('request.done', {
        requestId: request.requestId,
        requestType: getRequestType(input.requestEnvelope),
        ...(request.type === 'IntentRequest' ? { intent: String((request as Partial<IntentRequest>).intent?.name ?? '') } : {}),
        ...(startedAt !== undefined ? { durationMs: deps.clock() - startedAt } : {}),
      });
      // The invocation's one metrics line; ask-sdk skips response interceptors after an error, so the error
      // handler writes it then.
      deps.metrics.flush(deps.clock());
    })
    .withCustomUserAgent('range-of-motion-coach/0.1');
  if (deps.config.skillId !== undefined) builder.withSkillId(deps.config.skillId);
  return builder.create();
}
