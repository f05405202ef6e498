import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A throwaway dist/weapp-like folder holding `files` (relative path → text), for the weapp checks' tests. */
export function writeBuild(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}
