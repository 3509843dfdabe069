// The daily reminder: confirmed with its time and recurrence, created by an effect the handler carries out.
import type { Move } from './moves';
import { ask } from './position';
import type { PendingQuestion, RoutineEvent, RoutineState } from './types';


type ReminderEvent = Extract<
  RoutineEvent,
  { type: 'ReminderRequested' | 'ReminderCancelRequested' | 'ReminderCreated' | 'ReminderDeleted' | 'ReminderFailed' | 'ReminderPermissionAnswered' }
>;

export function reminder(state: RoutineState, event: ReminderEvent, asked: PendingQuestion | null): Move {
  switch (event.type) {
    case 'ReminderRequested':
      return event.time === null
        ? { state, acts: [{ type: 'ReminderNeedsTime' }] }
        : { state: ask(state, { kind: 'confirmReminder', ...event.time }), acts: [] };
    case 'ReminderCancelRequested':
      return state.reminder === null
        ? { state, acts: [{ type: 'NoReminder' }] }
        : { state, acts: [{ type: 'DeleteReminder', alertToken: state.reminder.alertToken }] };
    case 'ReminderCreated':
      return {
        state: { ...state, reminder: { alertToken: event.alertToken, hour: event.hour, minute: event.minute } },
        acts: [{ type: 'ReminderSet', hour: event.hour, minute: event.minute }],
      };
    case 'ReminderDeleted':
      return { state: { ...state, reminder: null }, acts: [{ type: 'ReminderCancelled' }] };
    case 'ReminderFailed':
      if (event.reason === 'permission' && !event.askForPermission) return { state, acts: [{ type: 'ReminderPermissionCard' }] };
      if (event.reason === 'permission') {
        // Alexa asks for the permission by voice, then hands the answer back with the time still pending.
        return {
          state: ask(state, { kind: 'reminderPermission', hour: event.hour, minute: event.minute }),
          acts: [{ type: 'AskReminderPermission' }],
          close: 'permissionRequest',
        };
      }
      return { state, acts: [{ type: 'ReminderFailed', reason: event.reason }] };
    case 'ReminderPermissionAnswered':
      if (asked?.kind !== 'reminderPermission') return { state, acts: [] };
      return event.granted
        ? { state, acts: [{ type: 'CreateReminder', hour: asked.hour, minute: asked.minute, askForPermission: false, replacing: state.reminder?.alertToken ?? null }] }
        : { state, acts: [{ type: 'ReminderPermissionCard' }] };
  }
}

/** The answer to "shall I set a daily reminder at ...?" */
export function answerReminder(state: RoutineState, yes: boolean, asked: Extract<PendingQuestion, { kind: 'confirmReminder' | 'reminderPermission' }>): Move {
  if (!yes) return { state, acts: [{ type: 'ReminderDeclined' }] };
  // A new daily reminder takes the place of the one already set: two would ring, and only one could be cancelled.
  const replacing = state.reminder?.alertToken ?? null;
  return { state, acts: [{ type: 'CreateReminder', hour: asked.hour, minute: asked.minute, askForPermission: asked.kind === 'confirmReminder', replacing }] };
}
