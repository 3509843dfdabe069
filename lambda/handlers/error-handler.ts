// The last line of defence: log the error's name and stack (no request data); apologise only where Alexa takes speech.
import { getLocale, getRequestType, type ErrorHandler } from 'ask-sdk-core';
import { errorFields } from '../logger';
import { stringsFor } from '../speech/locale-strings';
import { text } from '../speech/ssml';
import type { SkillDeps } from './skill-deps';

/** The requests a person is waiting on: only these get spoken words. */
const SPOKEN_REQUESTS: ReadonlySet<string> = new Set(['LaunchRequest', 'IntentRequest', 'Connections.Response', 'CanFulfillIntentRequest']);

/** Thrown again so the invocation fails: a skill event (SKILL_DISABLED's deletion) is then delivered again. */
export class SkillEventFailedError extends Error {
  override readonly name = 'SkillEventFailedError';
}

export function buildErrorHandler(deps: SkillDeps): ErrorHandler {
  return {
    canHandle: () => true,
    handle: (input, error) => {
      const request = input.requestEnvelope.request;
      const requestType = getRequestType(input.requestEnvelope);
      deps.logger.error('request.failed', { requestId: request.requestId, requestType, error: errorFields(error) });
      deps.metrics.count('ErrorHandlerHit');
      // The last code of this invocation (response interceptors do not run after an error): its metrics go out now.
      deps.metrics.flush(deps.clock());
      // Swallowed, a failed deletion would never be retried: the privacy promise depends on Alexa delivering it again.
      if (requestType.startsWith('AlexaSkillEvent.')) throw new SkillEventFailedError(`${requestType} failed`, { cause: error });
      if (!SPOKEN_REQUESTS.has(requestType)) return input.responseBuilder.getResponse();
      const s = stringsFor(getLocale(input.requestEnvelope) ?? 'en-US');
      return input.responseBuilder
        .speak(`<s>${text(s.errorApology)}</s> <s>${text(s.errorPrompt.speech)}</s>`)
        .reprompt(`<s>${text(s.errorPrompt.reprompt)}</s>`)
        .withShouldEndSession(false)
        .getResponse();
    },
  };
}
