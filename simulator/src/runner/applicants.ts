/**
 * Turns a scenario's populations into applicants: devices (shared when the population says so),
 * identities, source addresses, arrival times, behaviour actors and amounts — all drawn from named
 * streams of the run's seed, so the same seed gives the same applicants.
 */
import { MODELS } from '../behaviour';
import { createDevices, type Device } from '../devices/device';
import { createIdentityFactory } from '../identity/generators';
import { createIdentityPools } from '../identity/pools';
import type { Applicant } from '../journey/journey';
import { createIpAllocator, normaliseIpSpec } from '../network/ip-pools';
import type { Rng } from '../random';
import type { ScenarioFile } from '../scenario/schema';
import { scenarioInstant } from '../scenario/time';
import { arrivalTimes } from './arrivals';

export const DEFAULT_DATE = '2026-03-10';

export interface BuildOptions {
  /** Multiplies every count (and device count), at least 1 each. */
  scale?: number;
  /** Makes login codes unique to this run, so a database may be reused. */
  runTag: string;
}

export function buildApplicants(s: ScenarioFile, rng: Rng, opts: BuildOptions): Applicant[] {
  const date = s.date ?? DEFAULT_DATE;
  const scale = opts.scale ?? 1;
  const pools = createIdentityPools(createIdentityFactory(rng.fork('identities'), { today: date }));
  const ips = createIpAllocator(rng.fork('ips'));
  const fraud = new Set(s.expect.fraud);
  const out: Applicant[] = [];
  for (const p of s.populations) {
    const count = Math.max(1, Math.round(p.count * scale));
    const deviceCount = Math.min(count, p.devices === undefined ? count : Math.max(1, Math.round(p.devices * scale)));
    const ipSpec = normaliseIpSpec(p.ip);
    const devices: Device[] = createDevices(p, deviceCount, rng.fork(`devices:${p.name}`));
    devices.forEach((d, k) => (d.ip = ips.forDevice(ipSpec, p.name, k)));
    const times = arrivalTimes(
      count,
      scenarioInstant(date, p.arrivals.start),
      scenarioInstant(date, p.arrivals.end),
      p.arrivals.shape ?? 'uniform',
      rng.fork(`arrivals:${p.name}`),
    );
    const modelName = typeof p.behaviour === 'string' ? p.behaviour : p.behaviour.model;
    const model = MODELS.get(modelName)!;
    const { model: _m, ...params } = typeof p.behaviour === 'string' ? { model: modelName } : p.behaviour;
    const actors = rng.fork(`actors:${p.name}`);
    const amounts = rng.fork(`amounts:${p.name}`);
    const [minYuan, maxYuan] = p.amountYuan ?? [50_000, 300_000];
    for (let i = 0; i < count; i++) {
      const device = devices[i % deviceCount];
      out.push({
        index: out.length,
        population: p.name,
        label: fraud.has(p.name) ? 'fraud' : 'genuine',
        channel: p.channel,
        steps: new Set(p.steps),
        device,
        ip: device.ip ?? ips.forApplicant(ipSpec, p.name),
        identity: pools.next(p.identities, p.age),
        loginCode: `${opts.runTag}-${p.name}-${i}`,
        actor: model.actor({ ...(model.defaults as object), ...params }, actors.fork(String(i))),
        arrivalAt: times[i],
        amountYuan: amounts.int(Math.ceil(minYuan / 100), Math.floor(maxYuan / 100)) * 100,
      });
    }
  }
  return out;
}
