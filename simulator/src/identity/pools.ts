/**
 * Who applies: each applicant gets a person (resident ID, phone, card, name) and their enterprise,
 * either fresh ("unique") or from a named pool shared across populations, taken in turn — the same
 * identities showing up again on other devices and channels.
 */
import type { IdentityFactory, Enterprise, Person } from './generators';

export interface Identity {
  person: Person;
  enterprise: Enterprise;
}

export type IdentitySpec = 'unique' | { pool: string; size: number };

export function createIdentityPools(factory: IdentityFactory) {
  const pools = new Map<string, { list: Identity[]; next: number }>();
  const make = (age?: [number, number]): Identity => {
    const person = factory.person(age);
    return { person, enterprise: factory.enterprise(person.city) };
  };
  return {
    next(spec: IdentitySpec | undefined, age?: [number, number]): Identity {
      if (spec === undefined || spec === 'unique') return make(age);
      let pool = pools.get(spec.pool);
      if (!pool) {
        pool = { list: Array.from({ length: spec.size }, () => make(age)), next: 0 };
        pools.set(spec.pool, pool);
      }
      return pool.list[pool.next++ % pool.list.length];
    },
  };
}
