import { buildSteps } from '../../lambda/engine/plan';
import { defaultProgram } from '../../lambda/engine/program';
import { openDialog } from '../support/dialog';

describe('one-shot requests', () => {
  it('starts a routine straight from a one-shot', async () => {
    const alexa = await openDialog();

    const reply = await alexa.say('ask range of motion coach to start the leg exercises');

    expect(reply.exchange.envelope.session?.new).toBe(true);
    expect(reply.text).toMatch(/we'll start with their right leg\. stand on their right side\. hip and knee bend\./i);
    expect(reply.open).toBe(true);
  });

  it('asks to continue or restart when a routine is half done', async () => {
    const alexa = await openDialog();
    await alexa.say('ask range of motion coach to start the leg exercises');
    await alexa.say('ready');
    await alexa.say('next');
    await alexa.say('stop');

    const asked = await alexa.say('ask range of motion coach to start the leg exercises');
    const restarted = await alexa.say('start over');

    expect(asked.text).toMatch(/continue, or start over/i);
    expect(restarted.text).toMatch(/we'll start with their right leg\. stand on their right side\. hip and knee bend\./i);
  });

  it('answers a one-shot summary and ends the session', async () => {
    const alexa = await openDialog();
    await alexa.say('ask range of motion coach to start the arm exercises');
    await alexa.say('ready');
    await alexa.say('next');
    await alexa.say('stop');

    const summary = await alexa.say('ask range of motion coach for a summary');

    expect(summary.intent).toBe('SummaryIntent');
    expect(summary.text).toMatch(new RegExp(`1 of ${buildSteps('arms', defaultProgram()).length} steps of the arm routine done`, 'i'));
    expect(summary.open).toBe(false);
  });
});
