// How long the full routine is to hear at the handout's full dose (10 repetitions a side, 30 s holds), on a first day
// and on a later one (short set-ups): words and spoken minutes, set-ups and sets apart. No time to position a limb
// is counted. `npm run routine:length`; used for issue 11's before-and-after figures.
import { handoutPlan, TherapistPlanSchema } from '../lambda/engine/therapist-plan';
import { initialState } from '../lambda/engine/state';
import { transition } from '../lambda/engine/transition';
import type { ContentAct, RoutineEvent, RoutineState } from '../lambda/engine/types';
import { render } from '../lambda/speech/render';
import { countWords, wordsMs } from '../lambda/engine/spoken-time';

const plainText = (ssml: string) => ssml.replace(/<[^>]+>/g, ' ').replace(/&apos;/g, "'").replace(/\s+/g, ' ').trim();
const breakMs = (ssml: string) => [...ssml.matchAll(/<break time="(\d+)(ms|s)"\/>/g)].reduce((sum, m) => sum + Number(m[1]) * (m[2] === 's' ? 1000 : 1), 0);

type Tally = { words: number; ms: number };
const empty = (): Tally => ({ words: 0, ms: 0 });

function tally(into: Tally, ssml: string): void {
  const words = countWords(plainText(ssml));
  into.words += words;
  into.ms += wordsMs(words, 100) + breakMs(ssml);
}

/** A full-dose plan for every exercise: the therapist's plan, no build-up, so nothing waits for a hands-on yes. */
const plan = TherapistPlanSchema.parse({ ...handoutPlan(), reviewedOn: '2026-11-20', buildUp: false });

function day(state: RoutineState, today: string, nowMs: number): { state: RoutineState; setUps: Tally; sets: Tally; rest: Tally; turns: number } {
  const setUps = empty();
  const sets = empty();
  const rest = empty();
  let current = state;
  let now = nowMs;
  let turns = 0;
  const send = (event: RoutineEvent, newSession = false) => {
    now += 10 * 60 * 1000;
    const result = transition(current, event, { nowMs: now, today, newSession, recordHealthDetails: false, plan, timeZone: 'America/New_York' });
    current = result.state;
    turns += 1;
    for (const act of result.say) {
      const ssml = render({ say: [act] as ContentAct[], then: { type: 'Close', reason: 'goodbye' } }, { locale: 'en-US', voiceRatePercent: 100 }).speech;
      tally(act.type === 'SetUp' ? setUps : act.type === 'Set' ? sets : rest, ssml);
    }
    if (result.then.type === 'Prompt') tally(rest, render({ say: [], then: result.then }, { locale: 'en-US', voiceRatePercent: 100 }).speech);
  };
  send({ type: 'Launched' }, true);
  send({ type: 'StartRoutineRequested', routine: 'everything' });
  for (let i = 0; i < 100 && current.today.phase !== 'finished'; i += 1) {
    send({ type: 'ReadyRequested' });
    send({ type: 'NextRequested' });
  }
  send({ type: 'NoSaid' });
  return { state: current, setUps, sets, rest, turns };
}

const minutes = (ms: number) => (ms / 60000).toFixed(1);
const first = day(initialState('2026-12-01'), '2026-12-01', Date.parse('2026-12-01T15:00:00Z'));
const later = day(first.state, '2026-12-02', Date.parse('2026-12-02T15:00:00Z'));
console.log('full routine ("everything"), full dose, no positioning time:');
console.log('| day | set-ups: words, min | sets: words, min | the rest: words, min | all: words, min |');
console.log('|---|---:|---:|---:|---:|');
for (const [name, d] of [['first', first], ['later', later]] as const) {
  const all = d.setUps.words + d.sets.words + d.rest.words;
  const allMs = d.setUps.ms + d.sets.ms + d.rest.ms;
  console.log(`| ${name} | ${d.setUps.words}, ${minutes(d.setUps.ms)} | ${d.sets.words}, ${minutes(d.sets.ms)} | ${d.rest.words}, ${minutes(d.rest.ms)} | ${all}, ${minutes(allMs)} |`);
}
