// The stack's alarms: an SNS topic (with an email subscriber when AlarmEmail is set) told about Lambda errors,
// throttles and a p99 duration near Alexa's 8 s, DynamoDB system errors and throttles, every error line the
// skill logs, and a SKILL_DISABLED deletion that failed. The log metric filters are run against the lines the
// skill really writes.
import path from 'node:path';
import type { RequestEnvelope } from 'ask-sdk-model';
import { createLogger } from '../../lambda/logger';
import { buildSkill } from '../../lambda/skill';
import { loadTemplate, namedResource, onlyResource, resourcesOfType, type TemplateResource } from './support/cloudformation';

const ROOT = path.join(__dirname, '..', '..');
const template = loadTemplate(path.join(ROOT, 'infrastructure', 'cfn-deployer', 'skill-stack.yaml'));
const [topicId] = onlyResource(template, 'AWS::SNS::Topic');
const [functionId, fn] = namedResource(template, 'SkillFunction', 'AWS::Lambda::Function');
const [tableId] = onlyResource(template, 'AWS::DynamoDB::Table');
const [logGroupId] = namedResource(template, 'SkillLogGroup', 'AWS::Logs::LogGroup');
const alarms = resourcesOfType(template, 'AWS::CloudWatch::Alarm');
const filters = resourcesOfType(template, 'AWS::Logs::MetricFilter');

type MetricStat = { Stat: string; Period: number; Metric: { Namespace: string; MetricName: string; Dimensions: Array<{ Name: string; Value: unknown }> } };
type Query = { Id: string; Expression?: string; ReturnData?: boolean; MetricStat?: MetricStat };

const alarmOn = (namespace: string, metric: string): TemplateResource | undefined =>
  alarms.map(([, a]) => a).find((a) => a.Properties.Namespace === namespace && a.Properties.MetricName === metric);
const alarmOnAll = (namespace: string, metric: string): TemplateResource | undefined =>
  alarms
    .map(([, a]) => a)
    .find((a) => ((a.Properties.Metrics ?? []) as Query[]).some((q) => q.MetricStat?.Metric.Namespace === namespace && q.MetricStat.Metric.MetricName === metric));

/** CloudWatch Logs JSON filter patterns of the form { $.a = "x" && ($.b = "y") }, as CloudWatch matches them. */
function matches(pattern: string, line: string): boolean {
  const body = /^\{\s*(.*)\s*\}$/.exec(pattern.trim())?.[1];
  if (body === undefined) throw new Error(`not a JSON filter pattern: ${pattern}`);
  let event: Record<string, unknown>;
  try {
    event = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return false;
  }
  return body.split('&&').every((part) => {
    const m = /^\(?\s*\$\.([A-Za-z_.]+)\s*=\s*"([^"]*)"\s*\)?$/.exec(part.trim());
    if (m === null) throw new Error(`unsupported term: ${part}`);
    const value = (m[1] as string).split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], event);
    return value === m[2];
  });
}

/** The log lines the deployed skill writes (LOG_LEVEL warn) for one request, with a users store that fails. */
async function linesFor(request: Record<string, unknown>): Promise<string[]> {
  const lines: string[] = [];
  const failing = async (): Promise<never> => {
    throw new Error('ProvisionedThroughputExceededException');
  };
  const skill = buildSkill({
    stores: {
      progress: { load: failing, save: failing, remove: failing },
      users: { load: failing, loadPlan: failing, deleteAll: failing },
      history: { putDay: failing, queryDays: failing },
    },
    logger: createLogger('warn', (line) => lines.push(line)),
    config: { healthLog: 'off', userKeySecret: { id: 'k1', value: 'a-secret-of-sixteen+' }, skillId: undefined },
    clock: () => Date.parse('2026-12-01T15:00:00Z'),
    deviceTimeZone: async () => null,
    reminders: { createDaily: async () => ({ ok: false, reason: 'error' }), remove: async () => ({ ok: false }) },
  });
  const envelope = {
    version: '1.0',
    context: { System: { application: { applicationId: 'amzn1.ask.skill.ours' }, user: { userId: 'amzn1.ask.account.CAREGIVER' }, apiEndpoint: 'http://127.0.0.1:9' } },
    request: { requestId: 'req-1', timestamp: '2026-12-01T15:00:00Z', locale: 'en-US', ...request },
  } as unknown as RequestEnvelope;
  // A failed skill event fails the invocation (so Alexa delivers it again); the log line is written first.
  await skill.invoke(envelope).catch((error: unknown) => {
    if (!String(request.type).startsWith('AlexaSkillEvent.')) throw error;
  });
  return lines;
}

describe('the alarm topic', () => {
  it('mails AlarmEmail when it is set (an SNS email subscription), and every alarm notifies it', () => {
    const [, subscription] = onlyResource(template, 'AWS::SNS::Subscription');
    expect(subscription).toMatchObject({ Condition: 'HasAlarmEmail', Properties: { TopicArn: { Ref: topicId }, Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' } } });
    expect(template.Parameters.AlarmEmail).toMatchObject({ Type: 'String', Default: '' });
    expect(alarms.length).toBeGreaterThanOrEqual(7);
    for (const [id, alarm] of alarms) {
      expect([id, alarm.Properties.AlarmActions]).toEqual([id, [{ Ref: topicId }]]);
      expect([id, alarm.Properties.TreatMissingData]).toEqual([id, 'notBreaching']);
    }
  });
});

describe('the Lambda alarms', () => {
  const dimension = [{ Name: 'FunctionName', Value: { Ref: functionId } }];

  it('fire on any error or throttle in five minutes', () => {
    for (const metric of ['Errors', 'Throttles']) {
      expect(alarmOn('AWS/Lambda', metric)?.Properties).toMatchObject({ Dimensions: dimension, Statistic: 'Sum', Period: 300, Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    }
  });

  it('fire when the p99 duration nears Alexa’s 8 s: above 5 s, below the function’s own timeout', () => {
    const p99 = alarmOn('AWS/Lambda', 'Duration')?.Properties;
    expect(p99).toMatchObject({ Dimensions: dimension, ExtendedStatistic: 'p99', ComparisonOperator: 'GreaterThanThreshold' });
    expect(p99?.Threshold).toBeGreaterThanOrEqual(5000);
    expect(p99?.Threshold).toBeLessThan((fn.Properties.Timeout as number) * 1000);
  });
});

describe('the DynamoDB alarms', () => {
  it('add up SystemErrors over every operation the role allows (DynamoDB reports them per operation)', () => {
    const alarm = alarmOnAll('AWS/DynamoDB', 'SystemErrors');
    const queries = (alarm?.Properties.Metrics ?? []) as Query[];
    const operations = queries.flatMap((q) => q.MetricStat?.Metric.Dimensions.filter((d) => d.Name === 'Operation').map((d) => `dynamodb:${String(d.Value)}`) ?? []);
    const [, role] = namedResource(template, 'SkillFunctionRole', 'AWS::IAM::Role');
    const allowed = JSON.stringify(role.Properties).match(/dynamodb:[A-Za-z]+/g) ?? [];
    expect(operations.sort()).toEqual([...new Set(allowed)].sort());
    for (const q of queries.filter((query) => query.MetricStat !== undefined)) {
      expect(q.MetricStat?.Metric.Dimensions).toContainEqual({ Name: 'TableName', Value: { Ref: tableId } });
      expect(q.ReturnData).toBe(false);
    }
    const total = queries.find((q) => q.Expression !== undefined);
    for (const q of queries.filter((query) => query.MetricStat !== undefined)) expect(total?.Expression).toContain(q.Id);
    expect(alarm?.Properties).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('fire on read or write throttling of the table', () => {
    const alarm = alarmOnAll('AWS/DynamoDB', 'ReadThrottleEvents');
    const names = ((alarm?.Properties.Metrics ?? []) as Query[]).flatMap((q) => (q.MetricStat ? [q.MetricStat.Metric.MetricName] : []));
    expect(names.sort()).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
    expect(alarm?.Properties).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });
});

describe('the log metric filters, against what the skill writes', () => {
  const filterFor = (metricName: string) =>
    filters.map(([, f]) => f).find((f) => JSON.stringify(f.Properties.MetricTransformations).includes(metricName));
  const alarmFor = (metricName: string) => alarms.map(([, a]) => a).find((a) => JSON.stringify(a.Properties.MetricName ?? '').includes(metricName));

  it('a failed SKILL_DISABLED deletion: its line matches the filter, and only that request type does', async () => {
    const filter = filterFor('user-delete-failed');
    expect(filter?.Properties.LogGroupName).toEqual({ Ref: logGroupId });
    const pattern = String(filter?.Properties.FilterPattern);

    const disabled = await linesFor({ type: 'AlexaSkillEvent.SkillDisabled', body: { userInformationPersistenceStatus: 'NOT_PERSISTED' } });
    expect(disabled.filter((line) => matches(pattern, line))).toHaveLength(1);
    expect(disabled.join('\n')).not.toContain('amzn1.ask.account.CAREGIVER');

    const launch = await linesFor({ type: 'LaunchRequest' });
    expect(launch.some((line) => JSON.parse(line).level === 'error')).toBe(true); // the store failed there too
    expect(launch.filter((line) => matches(pattern, line))).toEqual([]);

    expect(alarmFor('user-delete-failed')?.Properties).toMatchObject({ Namespace: 'RangeOfMotionCoach', Statistic: 'Sum', Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
  });

  it('every error line (which Lambda counts as a success once the error handler has answered) has its own alarm', async () => {
    const pattern = String(filterFor('error-lines')?.Properties.FilterPattern);
    const launch = await linesFor({ type: 'LaunchRequest' });
    const errors = launch.filter((line) => JSON.parse(line).level === 'error');
    expect(errors.length).toBeGreaterThanOrEqual(1);
    expect(errors.every((line) => matches(pattern, line))).toBe(true);
    expect(matches(pattern, JSON.stringify({ level: 'warn', event: 'progress.conflict' }))).toBe(false);
    expect(alarmFor('error-lines')).toBeDefined();
  });
});
