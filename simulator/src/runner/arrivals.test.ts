import { createRng } from '../random';
import { arrivalTimes } from './arrivals';
import { EventQueue } from './event-queue';

describe('arrival curves', () => {
  const share = (times: number[], upTo: number) => times.filter((t) => t < upTo).length / times.length;

  it('stay in the window, sorted, one per applicant', () => {
    for (const shape of ['uniform', 'burst', 'ramp', 'bell'] as const) {
      const t = arrivalTimes(500, 1000, 2000, shape, createRng(1));
      expect(t).toHaveLength(500);
      expect(t.every((x) => x >= 1000 && x <= 2000)).toBe(true);
      expect([...t].sort((a, b) => a - b)).toEqual(t);
    }
  });

  it('have the shapes they claim', () => {
    const rng = createRng(2);
    expect(share(arrivalTimes(1000, 0, 1000, 'uniform', rng), 200)).toBeCloseTo(0.2, 1);
    expect(share(arrivalTimes(1000, 0, 1000, 'burst', rng), 200)).toBeGreaterThan(0.6);
    expect(share(arrivalTimes(1000, 0, 1000, 'ramp', rng), 500)).toBeCloseTo(0.25, 1);
    const bell = arrivalTimes(1000, 0, 1000, 'bell', rng);
    expect(share(bell, 250)).toBeLessThan(0.2);
    expect(share(bell, 750) - share(bell, 250)).toBeGreaterThan(0.65);
  });
});

describe('event queue', () => {
  it('pops by time, ties in insertion order', () => {
    const q = new EventQueue<string>();
    [
      [5, 'e'],
      [1, 'a'],
      [3, 'c1'],
      [3, 'c2'],
      [2, 'b'],
      [3, 'c3'],
    ].forEach(([t, x]) => q.push(t as number, x as string));
    const out: string[] = [];
    for (let e = q.pop(); e; e = q.pop()) out.push(e.item);
    expect(out).toEqual(['a', 'b', 'c1', 'c2', 'c3', 'e']);
  });
});
