/**
 * Source addresses. In process each request carries its address (`inject({ remoteAddress })`);
 * over HTTP it travels as X-Forwarded-For, which only a server behind a trusted proxy honours.
 *
 * - own: each device its own address on a consumer ISP (home broadband, mobile data);
 * - office-nat: everyone in the pool behind one address (an office, a co-working space);
 * - vpn: a corporate VPN's few egress addresses in one data-centre /24;
 * - farm-subnet: each device an address in one /24 (a farm's rack behind one line);
 * - random: a new consumer address for every applicant (rotating residential proxies).
 */
import type { Rng } from '../random';
import type { IpKind } from '../scenario/schema';

/** First octets of large Chinese consumer ISP ranges. */
const CONSUMER = [36, 39, 42, 58, 60, 101, 110, 112, 113, 114, 117, 120, 121, 123, 183, 223];
/** Cloud / data-centre ranges (VPN egress, farm lines). */
const DATACENTRE = [47, 106, 118, 119, 139, 150];

export interface IpSpec {
  kind: IpKind;
  name?: string;
  size?: number;
}

export function normaliseIpSpec(spec: IpKind | IpSpec | undefined): IpSpec {
  return typeof spec === 'string' ? { kind: spec } : (spec ?? { kind: 'own' });
}

export function createIpAllocator(rng: Rng) {
  const used = new Set<string>();
  const subnets = new Map<string, string[]>();
  const fresh = (firsts: number[]): string => {
    for (;;) {
      const ip = `${rng.pick(firsts)}.${rng.int(1, 254)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
      if (!used.has(ip)) {
        used.add(ip);
        return ip;
      }
    }
  };
  /** A /24 per pool name, with its addresses handed out in order. */
  const subnet = (key: string, firsts: number[], size: number): string[] => {
    let list = subnets.get(key);
    if (!list) {
      const prefix = fresh(firsts).split('.').slice(0, 3).join('.');
      const start = rng.int(2, 254 - Math.min(size, 250));
      list = Array.from({ length: Math.min(size, 253) }, (_, k) => `${prefix}.${start + k}`);
      subnets.set(key, list);
    }
    return list;
  };
  return {
    /** The address a device keeps (own, farm-subnet), or null when it is chosen per applicant. */
    forDevice(spec: IpSpec, population: string, deviceIndex: number): string | null {
      if (spec.kind === 'own') return fresh(CONSUMER);
      if (spec.kind === 'farm-subnet') {
        const list = subnet(`farm:${spec.name ?? population}`, DATACENTRE, 253);
        return list[deviceIndex % list.length];
      }
      return null;
    },
    /** The address of one applicant whose device does not fix it. */
    forApplicant(spec: IpSpec, population: string): string {
      switch (spec.kind) {
        case 'office-nat':
          return subnet(`office:${spec.name ?? population}`, CONSUMER, 1)[0];
        case 'vpn':
          return rng.pick(subnet(`vpn:${spec.name ?? population}`, DATACENTRE, spec.size ?? 2));
        default:
          return fresh(CONSUMER);
      }
    },
  };
}

export type IpAllocator = ReturnType<typeof createIpAllocator>;
