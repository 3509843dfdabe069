import { CATALOG } from '../../lambda/catalog/catalog';
import { buildSteps } from '../../lambda/engine/plan';
import { defaultProgram, startingDose } from '../../lambda/engine/program';

describe('buildSteps', () => {
  it('orders the leg routine: every sided exercise on the right, then the unsided ones, then the left', () => {
    const steps = buildSteps('legs', defaultProgram());
    const sides = steps.map((s) => s.side);
    const firstLeft = sides.indexOf('left');
    const lastRight = sides.lastIndexOf('right');

    expect(lastRight).toBeLessThan(firstLeft);
    expect(sides.slice(lastRight + 1, firstLeft).every((s) => s === null)).toBe(true);
    expect(steps.filter((s) => s.side === null).map((s) => s.exerciseId)).toEqual(['lumbar-rotation']);
    expect(steps.every((s) => ['legs', 'neckAndTrunk'].includes(CATALOG.find((e) => e.id === s.exerciseId)!.region))).toBe(true);
  });

  it('walks round the bed once for everything: legs then arms on each side', () => {
    const steps = buildSteps('everything', defaultProgram());
    const sided = CATALOG.filter((e) => e.sided).length;
    const unsided = CATALOG.length - sided;

    expect(steps).toHaveLength(sided * 2 + unsided);
    const sideChanges = steps.map((s) => s.side).filter((s) => s !== null).filter((s, i, all) => i > 0 && s !== all[i - 1]);
    expect(sideChanges).toEqual(['left']);
  });

  it('starts a new user low: three repetitions or a ten second hold', () => {
    const steps = buildSteps('everything', defaultProgram());

    for (const step of steps) {
      if (step.dose.kind === 'reps') expect(step.dose.reps).toBe(3);
      else expect(step.dose.holdSeconds).toBe(10);
    }
  });

  it('puts arms first and the left side first when the program says so', () => {
    const program = { ...defaultProgram(), legsFirst: false, firstSide: 'left' as const };

    const [first] = buildSteps('everything', program);

    expect(first?.side).toBe('left');
    expect(CATALOG.find((e) => e.id === first?.exerciseId)?.region).toBe('arms');
  });

  it('leaves out skipped exercises on both sides', () => {
    const steps = buildSteps('legs', defaultProgram(), ['hip-rotation']);

    expect(steps.some((s) => s.exerciseId === 'hip-rotation')).toBe(false);
  });

  it('uses the first way of hip rotation unless the program picks the other', () => {
    const hip = CATALOG.find((e) => e.id === 'hip-rotation')!;
    const program = defaultProgram();

    expect(buildSteps('legs', program).find((s) => s.exerciseId === 'hip-rotation')?.wayId).toBe(hip.ways[0]?.id);
    const other = { ...program, ways: { ...program.ways, 'hip-rotation': hip.ways[1]!.id } };
    expect(buildSteps('legs', other).find((s) => s.exerciseId === 'hip-rotation')?.wayId).toBe(hip.ways[1]?.id);
  });
});

describe('startingDose', () => {
  it('never starts above the handout dose', () => {
    expect(startingDose({ kind: 'reps', reps: 2 })).toEqual({ kind: 'reps', reps: 2 });
    expect(startingDose({ kind: 'hold', holdSeconds: 30, asTolerated: true })).toEqual({ kind: 'hold', holdSeconds: 10, asTolerated: true });
  });
});
