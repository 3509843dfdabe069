// Every position today's routine can be in, with every question its phase can wait on, for property tests.
import fc from 'fast-check';
import { ROUTINES, type DeliveredSet, type PlanChange, type Position, type StepRef } from '../../lambda/engine/types';

export function positionArbitrary(step: fc.Arbitrary<StepRef>, delivered: fc.Arbitrary<DeliveredSet>, exerciseId: fc.Arbitrary<string>, planChange: fc.Arbitrary<PlanChange>): fc.Arbitrary<Position> {
  const hour = fc.integer({ min: 0, max: 23 });
  const minute = fc.integer({ min: 0, max: 59 });
  const anytime = fc.oneof(
    fc.constant({ kind: 'chooseRoutine' as const }),
    fc.record({ kind: fc.constant('planChange' as const), change: planChange }),
    fc.record({ kind: fc.constant('leaveOutUntilReview' as const), exerciseId }),
    fc.record({ kind: fc.constantFrom('confirmReminder' as const, 'reminderPermission' as const), hour, minute }),
    fc.constantFrom({ kind: 'checkedAfterEmergency' as const }, { kind: 'checkedAfterWarningSign' as const }),
  );
  const continueOrRestart = fc.record({ kind: fc.constant('continueOrRestart' as const), routine: fc.constantFrom(...ROUTINES, null) });
  const endEarly = fc.record({ kind: fc.constant('endEarly' as const), otherSide: step });
  const question = <T>(...options: Array<fc.Arbitrary<T>>) => fc.option(fc.oneof(...options), { nil: null });
  return fc.oneof(
    fc.record({ phase: fc.constant('choosing' as const), current: fc.constant(null), delivered: fc.constant(null), question: question(anytime) }),
    fc.record({ phase: fc.constant('settingUp' as const), current: step, delivered: fc.constant(null), lastOfSession: fc.boolean(), question: question<unknown>(anytime, continueOrRestart, endEarly) }),
    fc.record({
      phase: fc.constant('setDelivered' as const),
      current: step,
      delivered,
      lastOfSession: fc.boolean(),
      question: question<unknown>(anytime, continueOrRestart, endEarly, fc.constant({ kind: 'wasSetFinished' as const })),
    }),
    fc.record({ phase: fc.constant('stoppedForPain' as const), current: step, delivered: fc.constant(null), question: question<unknown>(anytime, continueOrRestart) }),
    fc.record({
      phase: fc.constant('finished' as const),
      current: fc.constant(null),
      delivered: fc.constant(null),
      question: question<unknown>(anytime, fc.constant({ kind: 'wantSummary' as const }), fc.record({ kind: fc.constant('secondRound' as const), routine: fc.constantFrom(...ROUTINES) })),
    }),
  ) as fc.Arbitrary<Position>;
}
