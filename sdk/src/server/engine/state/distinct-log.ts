import { insertSorted, lowerBound } from './sorted-array';

/**
 * Distinct members of one key over sliding windows, for the memory engine store.
 *
 * "Distinct members seen since t" is the number of members whose *latest* sighting is at or after t,
 * so only each member's latest time matters. `times` holds one entry per time a member's latest
 * sighting moved forward (sorted); the entries a later sighting superseded are "stale" and their
 * times are also kept, sorted, in `stale`. Then
 *   distinct since t = (entries at or after t) − (stale entries at or after t),
 * two binary searches, whatever the number of members. Stale entries are compacted away once they
 * make up half the log, so memory stays proportional to the members kept.
 */
export class DistinctLog {
  private readonly latest = new Map<string, number>();
  private times: number[] = [];
  private members: string[] = [];
  private stale: number[] = [];

  add(at: number, member: string): void {
    const prev = this.latest.get(member);
    // An older or equal sighting changes no window count (out-of-order arrivals, duplicates).
    if (prev !== undefined && prev >= at) return;
    if (prev !== undefined) insertSorted(this.stale, prev);
    this.latest.set(member, at);
    const i = insertSorted(this.times, at);
    if (i === this.members.length) this.members.push(member);
    else this.members.splice(i, 0, member);
    if (this.stale.length > 64 && this.stale.length * 2 > this.times.length) this.compact();
  }

  countSince(since: number): number {
    const all = this.times.length - lowerBound(this.times, since);
    const superseded = this.stale.length - lowerBound(this.stale, since);
    return all - superseded;
  }

  /** Forgets sightings before `cutoff`; returns true when nothing is left. */
  purgeBefore(cutoff: number): boolean {
    const k = lowerBound(this.times, cutoff);
    for (let i = 0; i < k; i++) {
      if (this.latest.get(this.members[i]) === this.times[i]) this.latest.delete(this.members[i]);
    }
    this.times.splice(0, k);
    this.members.splice(0, k);
    this.stale.splice(0, lowerBound(this.stale, cutoff));
    return this.times.length === 0;
  }

  /** An entry is live when it is its member's latest sighting (a member's entries have strictly rising times). */
  private compact(): void {
    const times: number[] = [];
    const members: string[] = [];
    for (let i = 0; i < this.times.length; i++) {
      if (this.latest.get(this.members[i]) === this.times[i]) {
        times.push(this.times[i]);
        members.push(this.members[i]);
      }
    }
    this.times = times;
    this.members = members;
    this.stale = [];
  }
}
