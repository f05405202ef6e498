import { actualDays, addDays, dayInterest, parseDate } from './day-count';
import { dueDateAt, dueDates, shiftDueDate } from './due-dates';
import { DomainError } from './errors';

describe('dates and day counts', () => {
  it('parses only real YYYY-MM-DD dates', () => {
    expect(parseDate('2024-02-29').date()).toBe(29);
    expect(() => parseDate('2023-02-29')).toThrow(DomainError);
    expect(() => parseDate('2024-2-1')).toThrow(DomainError);
    expect(() => parseDate('2024-13-01')).toThrow(DomainError);
  });

  it('counts actual days (first day in, last day out) across month ends and leap years', () => {
    expect(actualDays('2024-01-31', '2024-02-01')).toBe(1);
    expect(actualDays('2024-02-01', '2024-03-01')).toBe(29);
    expect(actualDays('2023-02-01', '2023-03-01')).toBe(28);
    expect(actualDays('2024-01-01', '2025-01-01')).toBe(366);
    expect(actualDays('2024-03-09', '2024-03-11')).toBe(2); // US DST weekend: UTC keeps whole days
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
  });

  it('ACT/360 is the default basis, ACT/365 an option', () => {
    expect(dayInterest(3_600_000, '0.05', 30).toString()).toBe('15000');
    expect(dayInterest(3_650_000, '0.05', 30, 'ACT/365').toString()).toBe('15000');
  });
});

describe('due dates', () => {
  it('anchors on the start day and clamps to month end (Jan 31 → Feb 29 → Mar 31 …)', () => {
    expect(dueDates('2024-01-31', 4)).toEqual(['2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31']);
    expect(dueDates('2023-01-31', 2)).toEqual(['2023-02-28', '2023-03-31']);
    expect(dueDates('2024-01-15', 2)).toEqual(['2024-02-15', '2024-03-15']);
    expect(dueDateAt('2024-11-30', 3)).toBe('2025-02-28');
    expect(dueDateAt('2024-01-31', 12)).toBe('2025-01-31');
  });

  it('shifts due dates by months keeping the due day', () => {
    expect(shiftDueDate('2024-02-29', 1, 31)).toBe('2024-03-31');
    expect(shiftDueDate('2024-04-30', 10, 31)).toBe('2025-02-28');
    expect(shiftDueDate('2024-04-15', 2, 15)).toBe('2024-06-15');
  });
});
