// The report page and the code form as HTML: server-rendered, inline SVG with text equivalents, no script. One
// stylesheet, inline and allowed by its hash in the Content-Security-Policy (http.ts), with a print layout.
import { createHash } from 'node:crypto';
import { capitalize } from '../speech/step-names';
import { DEFAULT_WEEKS, MAX_WEEKS, doseText, doseValue, type CalendarDay, type ExerciseRow, type ReportModel } from './report-data';

const esc = (value: string | number): string =>
  String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const dayOfWeek = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
/** "Tue 3 Dec 2026" */
export function longDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${WEEKDAYS[dayOfWeek(day)]} ${d} ${MONTHS[m - 1]} ${y}`;
}
const shortDay = (day: string) => {
  const [, m, d] = day.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]}`;
};
const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((100 * part) / whole));

export const STYLE = `
:root{--ink:#1b1f24;--muted:#57606a;--line:#d0d7de;--done:#1a7f37;--early:#bc4c00;--missed:#ffffff;--bg:#f6f8fa;color-scheme:light}
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
h1{font-size:1.45rem;margin:.2rem 0 .3rem}
h2{font-size:1.15rem;margin:1.6rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
p{margin:.4rem 0}
.muted{color:var(--muted)}
.bar{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;justify-content:space-between}
nav a,button,input{font:inherit}
nav a{margin-right:.6rem}
button{padding:.45rem .9rem;border:1px solid var(--ink);border-radius:.4rem;background:#fff;color:var(--ink);cursor:pointer}
button.primary{background:var(--ink);color:#fff}
.notice{border-left:4px solid var(--early);background:#fff8f1;padding:.6rem .8rem;margin:1rem 0}
.ok{border-left-color:var(--done);background:#f0fff4}
.code-form{max-width:24rem;margin:2rem auto}
.code-form label{display:block;font-weight:600;margin-bottom:.3rem}
.code-form input{width:100%;font-size:1.6rem;letter-spacing:.25em;padding:.5rem;border:2px solid var(--ink);border-radius:.4rem;margin-bottom:.8rem}
.stats{display:flex;flex-wrap:wrap;gap:.5rem 1.2rem;margin:.5rem 0;padding:0;list-style:none}
.stats b{font-size:1.3rem}
svg.cal{width:100%;max-width:30rem;height:auto;display:block}
.legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.9rem;margin:.3rem 0;padding:0;list-style:none}
.key{display:inline-block;width:.9rem;height:.9rem;border:1.5px solid var(--ink);vertical-align:-.1rem;margin-right:.3rem}
.key.exercised{background:var(--done);border-color:var(--done)}
.key.endedEarly{background:var(--early);border-color:var(--early)}
.key.missed{background:#fff}
.key.before{background:var(--bg);border-color:var(--line)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:.85rem;color:var(--muted);font-weight:600}
td.num{white-space:nowrap}
.rate svg{width:5rem;height:.7rem;vertical-align:middle;margin-right:.3rem}
.left-out td{color:var(--muted)}
.days{font-size:.9rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
footer{margin:2rem 0 1rem;font-size:.85rem;color:var(--muted)}
@media (max-width:40rem){
 main{padding:.75rem}
 table.rows thead{display:none}
 table.rows tr{display:block;border:1px solid var(--line);border-radius:.4rem;margin:.6rem 0;padding:.3rem .5rem}
 table.rows td{display:flex;justify-content:space-between;gap:1rem;border:0;padding:.2rem 0}
 table.rows td::before{content:attr(data-label);color:var(--muted);font-size:.85rem}
 table.rows td.name{display:block;font-weight:600}
 table.rows td.name::before{content:none}
}
@media print{
 nav,form.signout,.no-print{display:none!important}
 body{font-size:11pt}
 main{max-width:none;padding:0}
 h2{break-after:avoid}
 tr{break-inside:avoid}
 a{color:inherit;text-decoration:none}
 .key,svg *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

/** The CSP source for the one inline stylesheet. */
export const STYLE_HASH = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex,nofollow">
<title>${esc(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

export type FormMessage = { text: string; tone: 'problem' | 'info' } | null;

/** The code form, with a message above it when there is one. */
export function codeFormPage(message: FormMessage): string {
  const note = message === null ? '' : `<p class="notice${message.tone === 'info' ? ' ok' : ''}" role="${message.tone === 'problem' ? 'alert' : 'status'}">${esc(message.text)}</p>`;
  return page(
    'Range of motion report',
    `<div class="code-form"><h1>Range of motion report</h1>
${note}<p>Say to Alexa: <b>"Alexa, ask range of motion coach for a report code."</b> Then type the six digits it says.</p>
<form method="post" action="/" autocomplete="off">
<label for="code">Report code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" maxlength="9" pattern="[0-9 \\-]*" required aria-describedby="code-help">
<button class="primary" type="submit">Show the report</button>
</form>
<p id="code-help" class="muted">A code works once, within ten minutes of Alexa saying it. The report stays open for 30 minutes.</p></div>`,
  );
}

const CELL = 40;
const GAP = 4;

function calendarSvg(model: ReportModel): string {
  // Columns are weekdays (Monday first), rows are weeks; the period's first day sits in its weekday's column.
  const offset = (dayOfWeek(model.fromDay) + 6) % 7;
  const rows = Math.ceil((offset + model.calendar.length) / 7);
  const width = 7 * CELL + 6 * GAP;
  const head = 18;
  const height = head + rows * CELL + (rows - 1) * GAP;
  const fill: Record<CalendarDay['status'], string> = { exercised: '#1a7f37', endedEarly: '#bc4c00', missed: '#ffffff', before: '#f6f8fa' };
  const ink: Record<CalendarDay['status'], string> = { exercised: '#ffffff', endedEarly: '#ffffff', missed: '#1b1f24', before: '#8c959f' };
  const label: Record<CalendarDay['status'], string> = { exercised: 'exercised', endedEarly: 'ended early', missed: 'missed', before: 'before first use' };
  const cells = model.calendar
    .map((d, i) => {
      const slot = offset + i;
      const x = (slot % 7) * (CELL + GAP);
      const y = head + Math.floor(slot / 7) * (CELL + GAP);
      const status = d.today && d.status === 'missed' ? 'before' : d.status;
      const stroke = status === 'missed' ? '#1b1f24' : status === 'before' ? '#d0d7de' : fill[status];
      const mark = status === 'endedEarly' ? `<path d="M${x + CELL - 12} ${y + 3}h9v9z" fill="#ffffff"/>` : '';
      const ring = d.today ? `<rect x="${x - 1.5}" y="${y - 1.5}" width="${CELL + 3}" height="${CELL + 3}" rx="6" fill="none" stroke="#0969da" stroke-width="2"/>` : '';
      const what = d.today && d.status === 'missed' ? 'today, nothing yet' : label[d.status];
      return `<g><title>${esc(longDay(d.day))}: ${esc(what)}${d.completed > 0 ? `, ${d.completed} steps done` : ''}</title><rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="5" fill="${fill[status]}" stroke="${stroke}" stroke-width="1.5"/>${mark}${ring}<text x="${x + CELL / 2}" y="${y + CELL / 2 + 5}" text-anchor="middle" font-size="14" fill="${ink[status]}">${Number(d.day.slice(8))}</text></g>`;
    })
    .join('');
  const heads = ['M', 'T', 'W', 'T', 'F', 'S', 'S'].map((w, i) => `<text x="${i * (CELL + GAP) + CELL / 2}" y="12" text-anchor="middle" font-size="11" fill="#57606a">${w}</text>`).join('');
  const summary = calendarSentence(model);
  return `<svg class="cal" viewBox="-2 0 ${width + 4} ${height + 2}" role="img" aria-labelledby="cal-title cal-desc" xmlns="http://www.w3.org/2000/svg"><title id="cal-title">Calendar of ${model.weeks} weeks</title><desc id="cal-desc">${esc(summary)}</desc>${heads}${cells}</svg>`;
}

function calendarSentence(model: ReportModel): string {
  const total = model.calendar.length - model.daysBefore;
  if (total === 0 || model.daysBefore === model.calendar.length) return 'No exercise recorded in this period.';
  const early = model.daysEndedEarly > 0 ? ` (${model.daysEndedEarly} ended early)` : '';
  return `Exercised on ${model.daysExercised} of ${total} days${early}; ${model.daysMissed} missed.`;
}

function dayList(model: ReportModel, status: CalendarDay['status']): string {
  const days = model.calendar.filter((d) => d.status === status && !(d.today && status === 'missed'));
  return days.length === 0 ? 'none' : days.map((d) => shortDay(d.day)).join(', ');
}

function rateBar(value: number | null): string {
  const width = value === null ? 0 : value;
  return `<svg viewBox="0 0 100 10" aria-hidden="true" focusable="false"><rect width="100" height="10" rx="3" fill="#eaeef2"/><rect width="${width}" height="10" rx="3" fill="#1a7f37"/></svg>`;
}

function doseCell(row: ExerciseRow): string {
  const now = doseValue(row.dose);
  const plan = doseValue(row.planDose);
  const reached = `${doseText(row.dose)} of ${doseText(row.planDose)}`;
  const narrowed = doseValue(row.targetDose) < plan ? ` (set to ${doseText(row.targetDose)} by voice)` : '';
  return now >= plan ? `${esc(doseText(row.dose))}, the plan's dose${esc(narrowed)}` : `${esc(reached)}${esc(narrowed)}`;
}

function exerciseRows(model: ReportModel): string {
  const body = model.rows
    .map((row) => {
      const rate = percent(row.completed, row.sessions);
      const name = `${capitalize(row.name)}${row.sideLabel === null ? '' : `, ${row.sideLabel}`}`;
      if (row.leftOutByVoice) {
        return `<tr class="left-out"><td class="name" data-label="Exercise">${esc(name)}</td><td data-label="Completed" colspan="5">Left out by voice; ${row.completed > 0 ? `completed ${row.completed} times earlier in the period` : 'not done in this period'}</td></tr>`;
      }
      return `<tr><td class="name" data-label="Exercise">${esc(name)}</td>`
        + `<td class="rate num" data-label="Completed"><span>${rateBar(rate)}${rate === null ? 'not yet' : `${rate}%`} <span class="muted">(${row.completed} of ${row.sessions})</span></span></td>`
        + `<td data-label="Dose reached">${doseCell(row)}</td>`
        + `<td class="num" data-label="Cut short">${row.cutShort}</td>`
        + `<td class="num" data-label="Stopped early">${row.stoppedEarly}</td>`
        + `<td class="num" data-label="Last stopped early">${row.lastStoppedEarly === null ? '–' : esc(shortDay(row.lastStoppedEarly))}</td></tr>`;
    })
    .join('\n');
  return `<table class="rows"><caption class="sr-only">Each exercise of the plan, per side</caption><thead><tr><th scope="col">Exercise</th><th scope="col">Completed</th><th scope="col">Dose reached</th><th scope="col">Cut short</th><th scope="col">Stopped early</th><th scope="col">Last stopped early</th></tr></thead><tbody>
${body}</tbody></table>`;
}

function healthSection(model: ReportModel): string {
  if (model.health === null) return '';
  const { pain, unplaced, fatigueDays } = model.health;
  const rows = pain
    .map((p) => {
      const sev = p.severities.length === 0 ? 'not said' : `${Math.min(...p.severities)} to ${Math.max(...p.severities)} of 10 (${p.severities.join(', ')})`;
      return `<tr><td class="name" data-label="Body part">${esc(capitalize(p.bodyPart))}</td><td class="num" data-label="Reports">${p.reports}</td><td data-label="Severity as said">${esc(sev)}</td><td class="num" data-label="Last">${esc(shortDay(p.lastDay))}</td></tr>`;
    })
    .join('');
  const painBlock = pain.length === 0 && unplaced === 0
    ? '<p>No pain reported in this period.</p>'
    : `${pain.length > 0 ? `<table class="rows"><thead><tr><th scope="col">Body part</th><th scope="col">Reports</th><th scope="col">Severity as said</th><th scope="col">Last</th></tr></thead><tbody>${rows}</tbody></table>` : ''}${unplaced > 0 ? `<p>${unplaced} pain report${unplaced === 1 ? '' : 's'} without a body part.</p>` : ''}`;
  const tired = fatigueDays.length === 0 ? 'No session ended because of tiredness.' : `Ended because of tiredness on ${fatigueDays.length} day${fatigueDays.length === 1 ? '' : 's'}: ${fatigueDays.map(shortDay).join(', ')}.`;
  return `<h2>Pain and tiredness</h2><p class="muted">As the caregiver reported them; never asked for and not interpreted.</p>${painBlock}<p>${esc(tired)}</p>`;
}

function planSection(model: ReportModel): string {
  const p = model.plan;
  const source = p.source === 'therapist'
    ? `The therapist's plan, reviewed on ${esc(longDay(p.reviewedOn ?? ''))}; review due by ${esc(longDay(p.reviewDue ?? ''))}${p.reviewOverdue ? ' <b>(overdue)</b>' : ''}.`
    : 'No plan file: the handout\'s full routine.';
  const build = p.buildUp ? 'Doses build up from a few repetitions toward the plan\'s dose.' : 'Doses start at the plan\'s dose (no build-up).';
  const narrowed = [
    ...p.excludedByVoice.map((id) => `${capitalize(nameOf(model, id))} left out`),
    ...p.dosesByVoice.map((d) => `${capitalize(nameOf(model, d.exerciseId))}: ${doseText(d.dose)}${d.planDose === null ? '' : ` instead of ${doseText(d.planDose)}`}`),
  ];
  const voice = narrowed.length === 0 ? '<p>Nothing changed by voice.</p>' : `<p>Changed by voice:</p><ul>${narrowed.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>`;
  return `<h2>The plan</h2><p>${source}</p><p>${build}</p>${voice}`;
}

function nameOf(model: ReportModel, exerciseId: string): string {
  return model.rows.find((r) => r.exerciseId === exerciseId)?.name ?? exerciseId;
}

/** standalone: a file (npm run report), without sign-out and period links. */
export function reportPage(model: ReportModel, generatedAt: string, options: { standalone?: boolean } = {}): string {
  const weeksNav = [DEFAULT_WEEKS, 8, MAX_WEEKS]
    .map((w) => (w === model.weeks ? `<b>${w} weeks</b>` : `<a href="/?weeks=${w}">${w} weeks</a>`))
    .join(' ');
  const empty = model.empty ? '<p class="notice">Nothing has been recorded yet. Once a routine has been done with Alexa, it shows here.</p>' : '';
  const body = `<div class="bar"><div><h1>Range of motion report</h1><p class="muted">${esc(longDay(model.fromDay))} to ${esc(longDay(model.today))} (${model.weeks} weeks)</p></div>
${options.standalone === true ? '' : '<form class="signout" method="post" action="/signout"><button type="submit">Sign out</button></form>'}</div>
${options.standalone === true ? '' : `<nav aria-label="Period">Show: ${weeksNav}</nav>`}
${empty}
<h2>Days</h2>
<ul class="stats"><li><b>${model.daysExercised}</b> days exercised</li><li><b>${model.daysEndedEarly}</b> ended early</li><li><b>${model.daysMissed}</b> missed</li></ul>
${calendarSvg(model)}
<ul class="legend" aria-hidden="true"><li><span class="key exercised"></span>exercised</li><li><span class="key endedEarly"></span>ended early</li><li><span class="key missed"></span>missed</li><li><span class="key before"></span>before first use</li></ul>
<p class="days">${esc(calendarSentence(model))} Ended early: ${esc(dayList(model, 'endedEarly'))}. Missed: ${esc(dayList(model, 'missed'))}.</p>
<h2>Exercises</h2>
<p class="muted">Completed: sets finished out of the sessions that included the step. Dose reached: today's dose while building up, against the therapist's.</p>
${exerciseRows(model)}
${healthSection(model)}
${planSection(model)}
<footer>Made by Range of Motion Coach from what was said to Alexa, ${esc(generatedAt)} (${esc(model.timeZone)}). Not medical advice: the care team decides the program.</footer>`;
  return page('Range of motion report', body);
}
