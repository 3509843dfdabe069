// scripts/build.ts: the skill uses the exercise catalog unvalidated, so the build is where a bad catalog stops.
import { build } from 'esbuild';
import path from 'node:path';
import { EXERCISE_DATA } from '../../lambda/catalog/exercises';
import { BUNDLE_OPTIONS, catalogProblem } from '../../scripts/build';

const ROOT = path.join(__dirname, '..', '..');

describe('the build', () => {
  it('accepts the catalog as written', () => {
    expect(catalogProblem(EXERCISE_DATA)).toBeNull();
  });

  it('refuses a catalog that fails its schema, naming the entry, the field and the rule', () => {
    const [first, ...rest] = EXERCISE_DATA;
    const tooFast = { ...first, pace: { outSeconds: 1, pauseSeconds: 1, backSeconds: 3 } };
    expect(catalogProblem([tooFast, ...rest])).toMatch(/^Invalid exercise catalog: 0\.pace\.outSeconds \(hip-knee-flexion\): Too small/);
  });

  it('leaves the catalog schema and its parse out of the bundle, so zod does not run over it at cold start', async () => {
    const result = await build({ ...BUNDLE_OPTIONS, entryPoints: [path.join(ROOT, 'lambda', 'index.ts')], outfile: 'index.js', write: false, absWorkingDir: ROOT });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('lambda/catalog/exercises.ts');
    expect(inputs.filter((file) => /catalog\/(exercise-schema|parse-catalog)\.ts$/.test(file))).toEqual([]);
  });
});
