import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildApp } from './app';
import { precompressDir } from '../../scripts/precompress';
import { createTestDb, dropTestDb } from '../test/db';
import type { Db } from './db/connect';
import { riskKeys } from '../test/risk-device';

jest.setTimeout(60_000);

// A tiny stand-in for the Taro and Vite builds (their real output takes minutes to make).
const HOME_JS = `console.log(${JSON.stringify('零接 '.repeat(400))});\n`;
const INDEX = `<!doctype html><html><head><script src="/js/app.1a2b3c4d.js"></script></head><body>${'<div></div>'.repeat(60)}</body></html>`;
const CONSOLE_JS = `export const console = ${JSON.stringify('decisions '.repeat(300))};\n`;

let root: string;
let db: Db;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'lingjie-static-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('h5/index.html', INDEX);
  write('h5/js/app.1a2b3c4d.js', HOME_JS);
  write('h5/css/app.9f8e7d6c5b4a.css', `.home{color:red}\n`.repeat(50));
  write('console/index.html', INDEX.replace('/js/app.1a2b3c4d.js', '/console/assets/index-Bx9_aQ1z.js'));
  write('console/assets/index-Bx9_aQ1z.js', CONSOLE_JS);
  precompressDir(path.join(root, 'h5'));
  precompressDir(path.join(root, 'console'));
  db = await createTestDb();
  app = await buildApp({
    db,
    riskKeys,
    logger: false,
    staticRoot: path.join(root, 'h5'),
    consoleRoot: path.join(root, 'console'),
    ruleSetSyncMs: 0,
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  if (db) await dropTestDb(db);
  fs.rmSync(root, { recursive: true, force: true });
});

const get = (url: string, acceptEncoding?: string) =>
  app.inject({ url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

describe('pre-compressed H5 and console assets', () => {
  test('precompress writes a smaller .br and .gz twin next to each file', () => {
    const js = path.join(root, 'h5/js/app.1a2b3c4d.js');
    const plain = fs.readFileSync(js);
    expect(brotliDecompressSync(fs.readFileSync(`${js}.br`)).equals(plain)).toBe(true);
    expect(gunzipSync(fs.readFileSync(`${js}.gz`)).equals(plain)).toBe(true);
    expect(fs.statSync(`${js}.br`).size).toBeLessThan(plain.length / 4);
  });

  test.each([
    ['/js/app.1a2b3c4d.js', 'application/javascript'],
    ['/css/app.9f8e7d6c5b4a.css', 'text/css'],
    ['/console/assets/index-Bx9_aQ1z.js', 'application/javascript'],
  ])(
    '%s: brotli when accepted, else gzip, else plain; always Vary; cached for a year, immutable',
    async (url, type) => {
      const br = await get(url, 'gzip, deflate, br');
      expect(br.statusCode).toBe(200);
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['content-type']).toContain(type);
      expect(br.headers.vary).toMatch(/accept-encoding/i);
      expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const plainBody = (await get(url, 'identity')).rawPayload;
      expect(brotliDecompressSync(br.rawPayload).equals(plainBody)).toBe(true);
      expect(br.rawPayload.length).toBeLessThan(plainBody.length);

      const gz = await get(url, 'gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.rawPayload).equals(plainBody)).toBe(true);
      expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');

      const plain = await get(url, 'identity');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i);
    },
  );

  test.each(['/', '/index.html', '/some/client/route', '/console/', '/console/decisions/42'])(
    '%s: index.html, compressed, never cached without revalidation',
    async (url) => {
      const r = await get(url, 'br, gzip');
      expect(r.statusCode).toBe(200);
      expect(r.headers['cache-control']).toBe('no-cache');
      expect(r.headers['content-type']).toContain('text/html');
      expect(r.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(r.rawPayload).toString()).toContain('<!doctype html>');
    },
  );

  test('the API is not affected', async () => {
    const r = await get('/api/nope', 'br');
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('NOT_FOUND');
  });
});
