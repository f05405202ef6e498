import { createBehaviourCapture, gateSummary, MAX_FIELDS } from './capture';
import { MAX_PAGES, NAV_RING } from './page-stats';
import { createSeededPrng } from '../platform/seeded-random';

const make = (fields = ['idNumber', 'phone'], gate = { behaviour: true, sensors: false }) =>
  createBehaviourCapture({ fields, now: () => 0, gate, launchAt: 0 });

/** Type `text.length` characters with the given gaps; returns the event times. */
function typeChars(c: ReturnType<typeof make>, field: string, gaps: number[], start = 1000): number[] {
  let t = start;
  const times: number[] = [];
  gaps.forEach((g, i) => {
    t += g;
    times.push(t);
    c.input(field, i + 1, t);
  });
  return times;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const std = (xs: number[]) => Math.sqrt(xs.reduce((a, b) => a + (b - mean(xs)) ** 2, 0) / xs.length);

describe('behaviour capture: fields', () => {
  it('human-like typing: variable intervals, a correction, typed > final length', () => {
    const c = make();
    c.focus('idNumber', 1000);
    const gaps = [240, 130, 310, 95, 180, 420, 150, 205, 160, 275, 140, 190, 225, 170, 330, 145, 260, 120];
    typeChars(c, 'idNumber', gaps);
    let t = 1000 + gaps.reduce((a, b) => a + b, 0);
    c.input('idNumber', 17, (t += 400)); // backspace
    c.input('idNumber', 18, (t += 210)); // retype
    c.blur('idNumber', (t += 500));
    const f = c.summary(t).fields.idNumber;
    const intervals = [...gaps.slice(1), 400, 210];
    expect(f).toMatchObject({
      focusCount: 1,
      inputEvents: 20,
      charsTyped: 19,
      finalLength: 18,
      pasteBursts: 0,
      pastedChars: 0,
      deletions: 1,
    });
    expect(f.dwellMs).toBe(t - 1000);
    expect(f.interval.n).toBe(19);
    expect(f.interval.mean).toBeCloseTo(mean(intervals), 3);
    expect(f.interval.std).toBeCloseTo(std(intervals), 3);
    expect(f.interval.min).toBe(95);
    expect(f.interval.std).toBeGreaterThan(50);
  });

  it('uniform bot timing: zero spread, exact minimum', () => {
    const c = make();
    typeChars(c, 'phone', new Array(11).fill(50));
    const f = c.summary(5000).fields.phone;
    expect(f.interval).toEqual({ n: 10, mean: 50, std: 0, min: 50, max: 50 });
    expect(f.fillMs).toBe(500);
    expect(f.deletions).toBe(0);
  });

  it('paste burst: one event adding many characters', () => {
    const c = make();
    c.focus('idNumber', 0);
    c.input('idNumber', 18, 300);
    c.blur('idNumber', 350);
    const f = c.summary(400).fields.idNumber;
    expect(f).toMatchObject({
      inputEvents: 1,
      charsTyped: 0,
      pastedChars: 18,
      pasteBursts: 1,
      finalLength: 18,
      dwellMs: 350,
    });
  });

  it('counts a clear-all as one deletion and keeps dwell across refocus', () => {
    const c = make();
    c.focus('phone', 0);
    c.input('phone', 1, 100);
    c.input('phone', 2, 200);
    c.input('phone', 0, 300);
    c.blur('phone', 400);
    c.focus('phone', 1000);
    c.blur('phone', 1100);
    expect(c.summary(2000).fields.phone).toMatchObject({
      focusCount: 2,
      dwellMs: 500,
      deletions: 1,
      charsTyped: 2,
      finalLength: 0,
    });
  });

  it('ignores and counts undeclared fields; accepts lengths only', () => {
    const c = make();
    c.input('password', 3, 10);
    c.focus('password', 10);
    const s = c.summary(20);
    expect(s.fields.password).toBeUndefined();
    expect(s.undeclaredFieldEvents).toBe(2);
    expect(JSON.stringify(s)).not.toContain('password');
  });

  it('records nothing while the behaviour gate is closed', () => {
    const gate = { behaviour: false, sensors: false };
    const c = make(['phone'], gate);
    c.input('phone', 1, 10);
    c.touchStart(10, 10, 0, 10);
    c.pageShow('pages/a', 10);
    c.appHide(10);
    const s = c.summary(20);
    expect(s.fields.phone.inputEvents).toBe(0);
    expect(s.touch.count).toBe(0);
    expect(s.pages.views).toBe(0);
    expect(s.app.hides).toBe(0);
  });
});

describe('behaviour capture: touches, pages, app, sensors', () => {
  it('tap durations, inter-tap stats, force and position entropy', () => {
    const c = make();
    const taps: Array<[number, number, number, number, number]> = [
      [20, 20, 0.3, 0, 90],
      [100, 20, 0.5, 400, 120],
      [20, 100, 0.4, 1100, 80],
      [100, 100, 0.6, 1500, 110],
    ];
    for (const [x, y, f, at, d] of taps) {
      c.touchStart(x, y, f, at);
      c.touchMove(at + 10);
      c.touchEnd(at + d);
    }
    const t = c.summary(2000).touch;
    expect(t.count).toBe(4);
    expect(t.moves).toBe(4);
    expect(t.tapDuration).toMatchObject({ n: 4, mean: 100, min: 80, max: 120 });
    expect(t.interTap).toMatchObject({ n: 3, min: 400, max: 700 });
    expect(t.forceAvailable).toBe(4);
    expect(t.force.mean).toBeCloseTo(0.45, 3);
    expect(t.positionEntropy).toBe(2); // four cells, evenly
    expect(t.cellsUsed).toBe(4);
  });

  it('a script tapping one spot with no force has zero entropy and no force', () => {
    const c = make();
    for (let i = 0; i < 50; i++) {
      c.touchStart(187, 600, 0, i * 100);
      c.touchEnd(i * 100 + 16);
    }
    const t = c.summary(10_000).touch;
    expect(t.positionEntropy).toBe(0);
    expect(t.forceAvailable).toBe(0);
    expect(t.interTap).toMatchObject({ std: 0, mean: 100 });
    expect(t.tapDuration).toMatchObject({ std: 0, mean: 16 });
  });

  it('pages: dwell, sequence without query strings, time since launch', () => {
    const c = make();
    c.pageShow('pages/index/index', 100);
    c.pageShow('pages/loan/apply?amount=50000&id=110101', 1100); // implicit hide of the previous page
    c.pageHide('pages/loan/apply', 4100);
    c.pageShow('pages/index/index', 5000);
    const p = c.summary(6000);
    expect(p.sinceLaunchMs).toBe(6000);
    expect(p.pages.sequence).toEqual(['pages/index/index', 'pages/loan/apply', 'pages/index/index']);
    expect(p.pages.dwellByPage).toEqual({ 'pages/index/index': 2000, 'pages/loan/apply': 3000 });
    expect(p.pages.dwell).toMatchObject({ n: 2, mean: 2000 });
    expect(JSON.stringify(p)).not.toContain('110101');
  });

  it('app hide/show counts and background time', () => {
    const c = make();
    c.appHide(1000);
    c.appShow(4000);
    c.appHide(5000);
    c.appShow(5500);
    expect(c.summary(6000).app).toEqual({ hides: 2, shows: 2, backgroundMs: 3500 });
  });

  it('sensors: flat rack vs hand-held, only when the sensors gate is open', () => {
    const gate = { behaviour: true, sensors: false };
    const c = make([], gate);
    c.sensor('accelerometer', 0, 0, -1);
    expect(c.summary(0).sensors).toBeUndefined();
    gate.sensors = true;
    const next = createSeededPrng(7);
    for (let i = 0; i < 100; i++) {
      c.sensor('accelerometer', 0, 0, -1);
      c.sensor('gyroscope', (next() / 2 ** 32 - 0.5) * 0.2, 0, 0);
    }
    const s = c.summary(0).sensors!;
    expect(s.accelerometer).toEqual({ samples: 100, variance: [0, 0, 0] });
    expect(s.gyroscope.samples).toBe(100);
    expect(s.gyroscope.variance[0]).toBeGreaterThan(0.001);
  });
});

describe('behaviour capture: bounded memory', () => {
  it('structure sizes and summary size do not grow with 100k events', () => {
    const declared = Array.from({ length: 40 }, (_, i) => `f${i}`);
    const c = createBehaviourCapture({
      fields: declared,
      now: () => 0,
      gate: { behaviour: true, sensors: true },
      launchAt: 0,
    });
    const next = createSeededPrng(42);
    const run = (n: number, from: number) => {
      for (let i = from; i < from + n; i++) {
        const r = next();
        switch (r % 6) {
          case 0:
            c.input(`f${r % 80}`, r % 30, i);
            break; // half of these ids are undeclared
          case 1:
            c.focus(`f${r % 50}`, i);
            break;
          case 2:
            c.touchStart(r % 2000, (r >>> 8) % 4000, (r % 10) / 10, i);
            c.touchEnd(i + 1);
            break;
          case 3:
            c.pageShow(`pages/p${r % 1000}`, i);
            break;
          case 4:
            c.sensor(r % 2 ? 'gyroscope' : 'accelerometer', r % 7, r % 5, r % 3, i);
            break;
          default:
            c.appHide(i);
            c.appShow(i + 1);
        }
      }
    };
    run(1000, 0);
    const small = JSON.stringify(c.summary(1000)).length;
    run(99_000, 1000);
    const sizes = c.sizes();
    expect(sizes).toEqual({ fields: MAX_FIELDS, pages: MAX_PAGES, navRing: NAV_RING, grid: 128 });
    const big = JSON.stringify(c.summary(100_000)).length;
    // Only digits of counters grow (e.g. 999 → 99999); structure does not.
    expect(big).toBeLessThan(small * 1.3);
    expect(c.summary(100_000).pages.sequence.length).toBe(NAV_RING);
  });
});

describe('gateSummary', () => {
  it('keeps only the sections whose manifest signal is allowed', () => {
    const c = make();
    c.touchStart(1, 1, 0, 1);
    const s = c.summary(10);
    const onlyTouch = gateSummary(s, (signal) => signal === 'behaviour.touch');
    expect(Object.keys(onlyTouch)).toEqual(['touch']);
    expect(Object.keys(gateSummary(s, () => true)).sort()).toEqual(Object.keys(s).sort());
    expect(gateSummary(s, () => false)).toEqual({});
  });
});
