/**
 * Canonical form and network prefix of a source address, for the keyed IP and subnet hashes.
 * Canonical so that `::ffff:203.0.113.7`, `203.0.113.7` and `[2001:DB8::1]` each hash the same way
 * however the bank's proxy spelled them; strict so that junk ('unknown', '-', a host name) reads
 * as no address instead of one shared fake address that every such request would pile onto.
 */

export interface IpPrefix {
  family: 4 | 6;
  /** Dotted quad, or eight lower-case hex groups without leading zeros and without `::` compression. */
  address: string;
  /** `a.b.c.0/24`, or the first three groups + `::/48` (a customer site's usual allocation). */
  subnet: string;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/;

function parseV4(s: string): number[] | null {
  const m = V4.exec(s);
  if (!m) return null;
  const octets = m.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

function v4Prefix(octets: readonly number[]): IpPrefix {
  return { family: 4, address: octets.join('.'), subnet: `${octets.slice(0, 3).join('.')}.0/24` };
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted quad allowed at the end), or null. */
function parseV6Groups(s: string): number[] | null {
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const side = (h: string): number[] | null => {
    if (h === '') return [];
    const out: number[] = [];
    const parts = h.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i];
      if (i === parts.length - 1 && p.includes('.')) {
        const q = parseV4(p);
        if (!q) return null;
        out.push((q[0] << 8) | q[1], (q[2] << 8) | q[3]);
      } else if (HEX_GROUP.test(p)) out.push(parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = side(halves[0]);
  const tail = halves.length === 2 ? side(halves[1]) : [];
  if (!head || !tail) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  // A dotted quad may only end the address, never sit before `::`.
  if (halves[0].includes('.')) return null;
  const missing = 8 - head.length - tail.length;
  return missing >= 1 ? [...head, ...new Array<number>(missing).fill(0), ...tail] : null;
}

export function ipPrefix(raw: unknown): IpPrefix | null {
  if (typeof raw !== 'string' || raw.length > 64) return null;
  let s = raw.trim().toLowerCase();
  if (s.startsWith('[') && s.endsWith(']')) s = s.slice(1, -1);
  const zone = s.indexOf('%'); // fe80::1%eth0: the zone names a local interface, not an address
  if (zone >= 0) s = s.slice(0, zone);
  const v4 = parseV4(s);
  if (v4) return v4Prefix(v4);
  const g = parseV6Groups(s);
  if (!g) return null;
  // IPv4-mapped (::ffff:a.b.c.d): a dual-stack socket's view of an IPv4 client.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff)
    return v4Prefix([g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff]);
  const hex = g.map((x) => x.toString(16));
  return { family: 6, address: hex.join(':'), subnet: `${hex.slice(0, 3).join(':')}::/48` };
}
