// The clock is injected everywhere time matters (schedules, overdue, notices, token windows), so tests
// and the simulator can move time without touching the system clock.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock the caller moves by hand; starts at the given instant. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: string | number | Date) {
    this.t = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(at: string | number | Date): void {
    this.t = new Date(at).getTime();
  }
  advanceDays(days: number): void {
    this.t += days * 86_400_000;
  }
}
