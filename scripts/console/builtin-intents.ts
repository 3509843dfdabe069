// Common phrases Alexa maps to its built-in intents without samples in the model. Applied only to built-ins
// the model declares, as Alexa does. Not exhaustive: Alexa's own lists are larger and unpublished.
export const BUILTIN_PHRASES: Readonly<Record<string, readonly string[]>> = {
  'AMAZON.NextIntent': ['next', 'next one', 'go next', 'go forward', 'skip forward', 'next item', 'go to the next'],
  'AMAZON.PreviousIntent': ['previous', 'previous one', 'go back', 'back', 'last one', 'go to the previous one', 'skip back', 'back up'],
  'AMAZON.RepeatIntent': ['repeat', 'repeat that', 'say that again', 'say again', 'again', 'come again', 'pardon', 'repeat please', 'can you say that again'],
  'AMAZON.StartOverIntent': ['start over', 'restart', 'start again', 'begin again', 'from the beginning', 'start from scratch'],
  'AMAZON.PauseIntent': ['pause', 'pause that', 'hold on', 'wait', 'hang on', 'one moment', 'wait a bit'],
  'AMAZON.ResumeIntent': ['resume', 'continue', 'keep going', 'carry on', 'unpause', 'go on'],
  'AMAZON.YesIntent': ['yes', 'yeah', 'yep', 'yes please', 'sure', 'ok', 'okay', 'correct', 'yup', 'of course', 'definitely'],
  'AMAZON.NoIntent': ['no', 'nope', 'no thanks', 'no thank you', 'nah', 'not now', 'no way', 'negative'],
  'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'what can i do', 'how does this work', 'can you help me', 'i need help'],
  'AMAZON.StopIntent': ['stop', 'off', 'shut up', 'be quiet', 'stop that', 'goodbye', 'bye'],
  'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it', 'cancel that'],
  'AMAZON.NavigateHomeIntent': ['go home', 'home'],
};

/** Alexa itself closes the session on these (a SessionEndedRequest, USER_INITIATED); the skill never sees an intent. */
export const SESSION_EXIT_PHRASES: readonly string[] = ['exit', 'quit'];

export const FALLBACK_INTENT = 'AMAZON.FallbackIntent';

export function isAmazonBuiltin(name: string): boolean {
  return name.startsWith('AMAZON.');
}
