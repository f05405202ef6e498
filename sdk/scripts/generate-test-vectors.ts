/** Writes sdk/test-vectors/*.json.  Usage: npx tsx sdk/scripts/generate-test-vectors.ts */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTestVectors, vectorFileText, VECTOR_FILES } from './test-vectors';

async function main(): Promise<void> {
  const vectors = await buildTestVectors();
  const dir = path.join(__dirname, '..', 'test-vectors');
  fs.mkdirSync(dir, { recursive: true });
  for (const [key, file] of Object.entries(VECTOR_FILES)) {
    fs.writeFileSync(path.join(dir, file), vectorFileText(vectors[key as keyof typeof vectors]));
    process.stdout.write(`wrote test-vectors/${file}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + '\n');
  process.exit(1);
});
