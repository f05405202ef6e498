import { createWelford, pushWelford, summarise, type Welford } from './welford';

/** Per sensor: three axes of running variance. Racks and emulators are flat (variance ≈ 0). */
export interface SensorStats {
  x: Welford;
  y: Welford;
  z: Welford;
}

export function createSensorStats(): SensorStats {
  return { x: createWelford(), y: createWelford(), z: createWelford() };
}

export function sensorSample(s: SensorStats, x: number, y: number, z: number): void {
  pushWelford(s.x, x);
  pushWelford(s.y, y);
  pushWelford(s.z, z);
}

export interface SensorSummary {
  samples: number;
  variance: [number, number, number];
}

const variance = (w: Welford) => (w.n > 1 ? Math.round((w.m2 / w.n) * 1e6) / 1e6 : 0);

export function summariseSensor(s: SensorStats): SensorSummary {
  return { samples: summarise(s.x).n, variance: [variance(s.x), variance(s.y), variance(s.z)] };
}
