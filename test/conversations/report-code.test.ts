// "Give me a report code" through the real handler and the console's NLU stand-in: the code is said in groups,
// put on a card with the page's address, and opens the report page once (issue 15).
import { DEVELOPMENT_USER_KEY_SECRET } from '../../lambda/config';
import { silentLogger } from '../../lambda/logger';
import { handleReportRequest, type ReportDeps } from '../../lambda/report/http';
import { DynamoReportAccess } from '../../lambda/store/report-access';
import { openDialog, REPORT_ADDRESS } from '../support/dialog';
import { testClient } from '../support/dynamo';

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

function codeOf(card: string): string {
  const match = /Code: ([0-9]{3}) ([0-9]{3})/.exec(card);
  if (match === null) throw new Error(`no code on the card: ${card}`);
  return `${match[1]}${match[2]}`;
}

const post = (code: string) => ({ rawPath: '/', body: `code=${code}`, requestContext: { http: { method: 'POST', sourceIp: '127.0.0.1' } } });

describe('a report code by voice', () => {
  it('mid-session: said in two groups of three, on a card with the address, and it opens the page once', async () => {
    const dialog = await openDialog();
    await dialog.say('open range of motion coach');
    const reply = await dialog.say('give me a report code');
    expect(reply.intent).toBe('ReportCodeIntent');
    const card = (reply.response?.card as { content?: string } | undefined)?.content ?? '';
    expect(card).toContain(REPORT_ADDRESS);
    const code = codeOf(card);
    const spoken = (digits: string) => [...digits].map((d) => WORDS[Number(d)]).join(' ');
    expect(reply.text).toContain(`${spoken(code.slice(0, 3))}, ${spoken(code.slice(3))}`);
    expect(reply.text).toContain('works once, within ten minutes');
    expect(reply.open).toBe(true);
    const deps: ReportDeps = {
      access: new DynamoReportAccess(testClient(), dialog.table),
      secret: DEVELOPMENT_USER_KEY_SECRET,
      healthDetails: false,
      clock: () => Date.parse('2026-12-01T15:05:00Z'),
      logger: silentLogger,
      secureCookie: true,
    };
    expect((await handleReportRequest(post(code), deps)).statusCode).toBe(303);
    expect((await handleReportRequest(post(code), deps)).statusCode).toBe(401);
    expect(JSON.stringify(dialog.logs)).not.toContain(code);
  });

  it('asked as a one-shot, it answers and ends the session; "I want to show the therapist" asks for the same', async () => {
    const dialog = await openDialog();
    const reply = await dialog.say('ask range of motion coach to give me a report code');
    expect(reply.intent).toBe('ReportCodeIntent');
    expect(reply.open).toBe(false);
    await dialog.say('open range of motion coach');
    const again = await dialog.say('i want to show the therapist');
    expect(again.intent).toBe('ReportCodeIntent');
    expect(again.text).toContain('Your report code is');
  });
});
