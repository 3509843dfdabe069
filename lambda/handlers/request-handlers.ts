// The request handlers: each checks only the request type and intent, then runs one engine turn.
import { getRequestType, type RequestHandler } from 'ask-sdk-core';
import type { SessionEndedRequest } from 'ask-sdk-model';
import * as z from 'zod/mini';
import { errorFields } from '../logger';
import { eventForIntent } from './intent-events';
import { userKeyOf } from '../user-key';
import type { SkillDeps } from './skill-deps';
import { saveEndedSession } from './save-turn';
import { runTurn } from './turn';

const PermissionResponseSchema = z.object({
  name: z.string(),
  payload: z.object({ status: z.string() }),
});

export function buildRequestHandlers(deps: SkillDeps): RequestHandler[] {
  const launchHandler: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'LaunchRequest',
    handle: (input) => runTurn(input, { type: 'Launched' }, deps),
  };

  const intentHandler: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'IntentRequest',
    handle: (input) => {
      // An IntentRequest that arrives without an intent is not understood, rather than a crash.
      const name = (input.requestEnvelope.request as { intent?: { name?: unknown } | null }).intent?.name;
      return runTurn(input, eventForIntent(typeof name === 'string' ? name : '', input.requestEnvelope), deps);
    },
  };

  /** The answer to the reminders permission Alexa asked for by voice. */
  const permissionHandler: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'Connections.Response',
    handle: (input) => {
      const parsed = PermissionResponseSchema.safeParse(input.requestEnvelope.request);
      const granted = parsed.success && parsed.data.name === 'AskFor' && parsed.data.payload.status === 'ACCEPTED';
      return runTurn(input, { type: 'ReminderPermissionAnswered', granted }, deps);
    },
  };

  /**
   * The user disabled the skill: every item of theirs goes (progress, history, plan, reminder token).
   * Skill events may arrive up to an hour late; the delete is the same whenever it runs.
   */
  const skillDisabledHandler: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'AlexaSkillEvent.SkillDisabled',
    handle: async (input) => {
      const { requestId } = input.requestEnvelope.request;
      const userId: unknown = input.requestEnvelope.context?.System?.user?.userId;
      if (typeof userId !== 'string' || userId === '') {
        deps.logger.warn('user.delete_without_user', { requestId });
        return input.responseBuilder.getResponse();
      }
      const userKey = userKeyOf(userId, deps.config.userKeySecret);
      // The hashed key lets whoever the alarm wakes finish a deletion by hand if Alexa's redeliveries all fail.
      const deleted = await deps.stores.users.deleteAll(userKey).catch((error: unknown) => {
        deps.logger.error('user.delete_failed', { requestId, userKey, error: errorFields(error) });
        throw error;
      });
      deps.logger.info('user.deleted', { requestId, userKey, detail: `${deleted} items` });
      return input.responseBuilder.getResponse();
    },
  };

  /** Alexa takes no speech here; the turn only records that the session ended. */
  const sessionEndedHandler: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'SessionEndedRequest',
    handle: async (input) => {
      const request = input.requestEnvelope.request as SessionEndedRequest;
      const caughtUp = await saveEndedSession(input.requestEnvelope, deps);
      deps.logger.info('session.ended', { requestId: request.requestId, detail: `${request.reason}; unsaved state: ${caughtUp}` });
      return input.responseBuilder.getResponse();
    },
  };

  /** Alexa could not use an earlier response; it cannot take a reply either, so only log. */
  const exceptionHandler: RequestHandler = {
    canHandle: (input) => getRequestType(input.requestEnvelope) === 'System.ExceptionEncountered',
    handle: (input) => {
      deps.logger.error('alexa.exception_encountered', { requestId: input.requestEnvelope.request.requestId });
      return input.responseBuilder.getResponse();
    },
  };

  /** Display events, CanFulfill and other request types the skill does not use get an empty answer. */
  const otherRequestHandler: RequestHandler = {
    canHandle: () => true,
    handle: (input) => {
      deps.logger.info('request.ignored', { requestId: input.requestEnvelope.request.requestId, requestType: getRequestType(input.requestEnvelope) });
      return input.responseBuilder.getResponse();
    },
  };

  return [launchHandler, intentHandler, permissionHandler, skillDisabledHandler, sessionEndedHandler, exceptionHandler, otherRequestHandler];
}
