/**
 * Draws the tab-bar icons (WeChat wants PNG files for tabBar.iconPath) from simple shapes, so
 * they are reproducible and need no image tool: `npx tsx scripts/make-tab-icons.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const SIZE = 81;
type Shape = (x: number, y: number) => boolean;

const inRect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const union =
  (...s: Shape[]): Shape =>
  (x, y) =>
    s.some((f) => f(x, y));
const minus =
  (a: Shape, b: Shape): Shape =>
  (x, y) =>
    a(x, y) && !b(x, y);

// 首页: a house; 我的贷款: a document with lines; 我的: a person.
const roof: Shape = (x, y) =>
  y >= 12 && y <= 40 && Math.abs(x - 40) <= (y - 12) * 1.15 + 2 && Math.abs(x - 40) >= (y - 12) * 1.15 - 7;
const house = union(roof, minus(inRect(18, 38, 62, 68), inRect(34, 50, 46, 68)));
const doc = minus(inRect(18, 10, 62, 70), union(inRect(24, 16, 56, 64)));
const lines = union(inRect(28, 24, 52, 28), inRect(28, 36, 52, 40), inRect(28, 48, 44, 52));
const loans = union(doc, lines);
const me = union(inCircle(40, 26, 13), minus(inCircle(40, 78, 30), inRect(0, 74, 80, 80)));

function png(shape: Shape, [r, g, b]: [number, number, number]): Buffer {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < SIZE; x++) {
      // 4× supersampling for smooth edges
      let hits = 0;
      for (const dy of [0.25, 0.75]) for (const dx of [0.25, 0.75]) if (shape(x + dx, y + dy)) hits++;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((hits / 4) * 255);
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.resolve(__dirname, '../src/assets/tab');
fs.mkdirSync(out, { recursive: true });
const GREY: [number, number, number] = [0x5b, 0x64, 0x72];
const BLUE: [number, number, number] = [0x1a, 0x56, 0xdb];
for (const [name, shape] of Object.entries({ home: house, loans, me })) {
  fs.writeFileSync(path.join(out, `${name}.png`), png(shape, GREY));
  fs.writeFileSync(path.join(out, `${name}-active.png`), png(shape, BLUE));
}
console.log(`tab icons written to ${out}`);
