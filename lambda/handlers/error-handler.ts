// The last line of defence: log the error's name and stack (no request data), apologise, keep listening.
import type { ErrorHandler } from 'ask-sdk-core';
import { errorFields } from '../logger';
import { stringsFor } from '../speech/locale-strings';
import { text } from '../speech/ssml';
import type { SkillDeps } from './skill-deps';

export function buildErrorHandler(deps: SkillDeps): ErrorHandler {
  return {
    canHandle: () => true,
    handle: (input, error) => {
      const request = input.requestEnvelope.request;
      deps.logger.error('request.failed', { requestId: request.requestId, requestType: request.type, error: errorFields(error) });
      const s = stringsFor((request as { locale?: string }).locale ?? 'en-US');
      return input.responseBuilder
        .speak(`<s>${text(s.errorApology)}</s> <s>${text(s.errorPrompt.speech)}</s>`)
        .reprompt(`<s>${text(s.errorPrompt.reprompt)}</s>`)
        .withShouldEndSession(false)
        .getResponse();
    },
  };
}
