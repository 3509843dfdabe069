// Preloaded (node --require) into `npm run build` by the benchmark: records the options the skill's
// build passes to esbuild, so the floor is bundled exactly the same way. It changes nothing else:
// the build still runs with the same options and writes the same files.
const Module = require('node:module');
const { writeFileSync } = require('node:fs');

const target = process.env.BENCH_CAPTURE_ESBUILD;
if (target) {
  const load = Module._load;
  let wrapped;
  Module._load = function captureLoad(request, ...rest) {
    const loaded = load.call(this, request, ...rest);
    if (request !== 'esbuild') return loaded;
    wrapped ??= {
      ...loaded,
      build(options, ...more) {
        try {
          writeFileSync(target, JSON.stringify(options));
        } catch {
          // The benchmark falls back to its own copy of the options.
        }
        return loaded.build(options, ...more);
      },
    };
    return wrapped;
  };
}
