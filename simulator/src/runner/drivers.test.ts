import { sentAtLog } from './drivers';

// At pace `fast` a simulated afternoon is sent in seconds; what the bank reports (an alert at a
// real instant) is placed at the simulated moment that was being sent then.
describe('the sent-at log of a fast run', () => {
  afterEach(() => jest.useRealTimers());

  test('maps a real instant to the simulated time being sent at that instant', () => {
    jest.useFakeTimers({ now: 1_000_000 });
    const anchor = Date.parse('2026-03-10T05:58:00Z');
    const log = sentAtLog(anchor, Date.now());
    jest.setSystemTime(1_000_200);
    log.record(anchor + 60_000); // 13:59 being sent from real +200 ms
    jest.setSystemTime(1_000_900);
    log.record(anchor + 30_000); // an earlier simulated time never moves the log back
    jest.setSystemTime(1_001_500);
    log.record(anchor + 180_000); // 14:01 from real +1500 ms

    expect(log.toSim(1_000_100)).toBe(anchor);
    expect(log.toSim(1_000_200)).toBe(anchor + 60_000);
    expect(log.toSim(1_001_000)).toBe(anchor + 60_000);
    expect(log.toSim(1_001_600)).toBe(anchor + 180_000);
    // Before the run started: that long before the first arrival.
    expect(log.toSim(999_000)).toBe(anchor - 1_000);
  });
});
