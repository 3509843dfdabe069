// Phrasing one market uses and the others do not, added to that locale's shared samples (samples-en.ts).
// Vocabulary that only swaps a word (physio, the emergency number, knackered) is in lambda/markets.ts instead.
// Written from how caregivers in each market talk, not as a caricature: Indian English "it is paining",
// "do it one more time", "kindly repeat", "what all is left"; British and Australian "how did we get on",
// "ring nine nine nine", "let's leave it there"; Australian "how did we go" for "how did we do".
import { INTENTS, SLOTS, type IntentName } from '../lambda/intents';
import { MARKETS, type Locale } from '../lambda/markets';

const part = `{${SLOTS.bodyPart}}`;
const period = `{${SLOTS.period}}`;
const region = `{${SLOTS.region}}`;

type Extra = Partial<Record<IntentName, readonly string[]>>;

const ring = (locale: Locale): string[] => MARKETS[locale].emergencyNumberWords.flatMap((n) => [`ring ${n}`, `phone ${n}`]);

/** British and Australian English share most of what differs from American English. */
const COMMONWEALTH: Extra = {
  [INTENTS.summary]: ['how did we get on', `how did we get on ${period}`, 'how are we getting on', `how have we got on ${period}`],
  [INTENTS.whatsLeft]: ['how many have we got left', "what's left to do", 'how many more have we got'],
  [INTENTS.endEarly]: [
    "let's leave it there", "let's leave it there for today", "that'll do for today", "that's us done for today",
    "we'll leave it there", "let's call it quits",
  ],
  [INTENTS.pauseRoutine]: ['hang on a tick', 'give us a sec', 'give us a moment'],
  [INTENTS.goodbye]: ['cheerio then', 'cheerio for now', 'cheers bye', 'ta ta', 'see you later then'],
  [INTENTS.emergency]: ['ring an ambulance', 'phone an ambulance', 'ring for an ambulance'],
  [INTENTS.tired]: ["she's had it", "he's had it"],
  // British and Australian slang for pain.
  [INTENTS.reportPain]: [`her ${part} is giving her gyp`, `his ${part} is giving him gyp`, "it's giving her gyp", "it's giving him gyp", `her ${part} is playing up`, `his ${part} is playing up`],
  // "Programme" (en-GB) and "program" (en-AU) for the plan: a market word, like physio.
  [INTENTS.whatsThePlan]: ["what's in the programme", 'tell me the programme', "what's the programme today", 'go over the programme', 'read out the programme'],
  [INTENTS.reportCode]: ['could I have a report code', 'a code for the report please'],
  [INTENTS.skip]: ['give this one a miss', "we'll give this one a miss", `give the ${region} a miss today`],
};

export const MARKET_SAMPLES: Record<Locale, readonly Extra[]> = {
  'en-US': [],
  'en-CA': [],
  'en-GB': [COMMONWEALTH, { [INTENTS.emergency]: ring('en-GB') }],
  'en-AU': [
    COMMONWEALTH,
    {
      [INTENTS.emergency]: ring('en-AU'),
      [INTENTS.whatsThePlan]: ["what's in the program", 'tell me the program', 'read out the program'],
      [INTENTS.summary]: [
        'how did we go', `how did we go ${period}`, 'how are we going', `how are we going ${period}`, 'how has she been going',
        'how has he been going', `how's she going ${period}`, `how's he going ${period}`, `how has she been going ${period}`,
      ],
      [INTENTS.goodbye]: ['hooroo then', 'hooroo for now', 'catch ya later'],
      [INTENTS.agree]: ['no worries', 'yeah no worries at all', 'yeah too right', 'too right mate'],
      [INTENTS.ready]: ["he's right to go", "we're right to go"],
    },
  ],
  'en-IN': [
    {
      [INTENTS.reportPain]: [
        'she is paining', 'he is paining', 'it is paining', "it's paining", `her ${part} is paining`, `his ${part} is paining`,
        `${part} is paining`, 'she is having pain', 'he is having pain', `she is having pain in her ${part}`,
        `he is having pain in his ${part}`, 'it is paining too much', 'there is pain', 'she is getting pain',
        'he is getting pain', `she is getting pain in her ${part}`,
      ],
      [INTENTS.repeatThat]: ['once again', 'kindly repeat', 'repeat once more'],
      [INTENTS.doItAgain]: ['do it one more time', 'do once more', 'one more time we will do'],
      [INTENTS.whatsNext]: ['what next', 'what is the next one', 'what is coming next', 'which one we are doing next'],
      [INTENTS.nextStep]: ['finish this one', 'this one is finished', 'this one is over', 'this one is done', 'go to next one'],
      [INTENTS.whatsLeft]: ['what all is left', 'what all is remaining', 'how many are pending', 'what is remaining'],
      [INTENTS.summary]: [`what all we did ${period}`, `how much we did ${period}`, `what all did we do ${period}`],
      [INTENTS.endEarly]: ['we will stop here only', 'today we will stop here', 'let us stop for today', 'we will stop for today'],
      [INTENTS.tired]: ['she is feeling tired', 'he is feeling tired', 'she is feeling very tired', 'he is feeling weak'],
      [INTENTS.skip]: ['leave this one for today', 'we will skip this one', `we will skip the ${region} today`],
      [INTENTS.pauseRoutine]: ['wait one minute', 'one minute', 'give me one minute', 'wait a little'],
      [INTENTS.helpMe]: ['what all can i say', 'how to use this'],
    },
  ],
};
