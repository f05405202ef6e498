/**
 * `npm run bench`: runs every benchmark file (sdk/bench, server/bench, simulator/bench, test/bench, console/bench) one after the
 * other, each in its own process so one's heap and JIT state don't colour the next.
 * Results are printed and written as JSON under bench-results/ by each benchmark.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const DIRS = ['sdk/bench', 'server/bench', 'simulator/bench', 'test/bench', 'console/bench'];
const only = process.argv[2];
const files = DIRS.flatMap((d) =>
  fs.existsSync(d)
    ? fs
        .readdirSync(d)
        .filter((f) => f.endsWith('.bench.ts'))
        .map((f) => path.join(d, f))
    : [],
).filter((f) => !only || f.includes(only));

let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  // `@lingjie/source`: the workspace's SDK from its sources, as Jest and `tsx` resolve it. Without
  // it, Node's loader picks the package's built `dist/`, and a bench would measure the last build.
  const run = spawnSync(process.execPath, ['--conditions=@lingjie/source', '--import', 'tsx', '--expose-gc', file], {
    stdio: 'inherit',
  });
  if (run.status !== 0) failed += 1;
}
console.log(`\n${files.length - failed} benchmark file(s) ran, ${failed} failed`);
process.exit(failed ? 1 : 0);
