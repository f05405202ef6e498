/**
 * Writes a brotli (.br) and a gzip (.gz) twin next to every compressible file of a production build,
 * once at build time with the strongest settings, so the bank serves them with no per-request CPU
 * (server/src/static-assets.ts, `preCompressed`). A twin that would not be smaller is not written:
 * the plain file is served instead. Usage: `tsx scripts/precompress.ts dist/h5 [dist/console …]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|xml|wasm|map|ttf|otf|ico)$/i;
/** Below this, headers dominate and a compressed response saves nothing worth a file. */
const MIN_BYTES = 256;

export interface PrecompressTotals {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

export function precompressDir(dir: string): PrecompressTotals {
  const totals: PrecompressTotals = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const plain = fs.readFileSync(file);
    if (plain.length < MIN_BYTES) continue;
    const br = brotliCompressSync(plain, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: plain.length,
        [constants.BROTLI_PARAM_MODE]: /\.(ttf|otf|wasm|ico)$/i.test(file)
          ? constants.BROTLI_MODE_GENERIC
          : constants.BROTLI_MODE_TEXT,
      },
    });
    const gz = gzipSync(plain, { level: constants.Z_BEST_COMPRESSION });
    totals.files += 1;
    totals.bytes += plain.length;
    totals.brotliBytes += Math.min(br.length, plain.length);
    totals.gzipBytes += Math.min(gz.length, plain.length);
    for (const [ext, data] of [
      ['.br', br],
      ['.gz', gz],
    ] as const) {
      if (data.length < plain.length) fs.writeFileSync(file + ext, data);
      else fs.rmSync(file + ext, { force: true });
    }
  }
  return totals;
}

if (require.main === module) {
  const dirs = process.argv.slice(2);
  if (!dirs.length) {
    console.error('usage: tsx scripts/precompress.ts <build dir> [more dirs]');
    process.exit(2);
  }
  for (const dir of dirs) {
    const t = precompressDir(dir);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `precompressed ${dir}: ${t.files} files, ${kb(t.bytes)} → brotli ${kb(t.brotliBytes)}, gzip ${kb(t.gzipBytes)}`,
    );
  }
}
