import { render, screen } from '@testing-library/react';
import { ScheduleTable } from '.';
import { buildSchedule } from '../../domain';

const terms = { principalFen: 10_000_000, annualRate: '0.0435', termMonths: 12, startDate: '2024-01-15' };

describe('ScheduleTable', () => {
  it('shows every period with the reference numbers', () => {
    render(<ScheduleTable rows={buildSchedule('EQUAL_INSTALMENT', terms).rows} />);
    expect(screen.getByTestId('schedule-row-1')).toHaveTextContent('第1期');
    expect(screen.getByTestId('schedule-row-1')).toHaveTextContent('2024-02-15');
    expect(screen.getByTestId('schedule-row-1')).toHaveTextContent('¥91,831.51');
    expect(screen.getByTestId('schedule-row-12-payment')).toHaveTextContent('¥8,531.01');
  });

  it('compact leaves out the date and the remaining balance', () => {
    render(<ScheduleTable rows={buildSchedule('EQUAL_INSTALMENT', terms).rows.slice(0, 3)} compact />);
    expect(screen.getByTestId('schedule-row-1')).not.toHaveTextContent('2024-02-15');
    expect(screen.getByTestId('schedule-row-1')).not.toHaveTextContent('¥91,831.51');
    expect(screen.queryByTestId('schedule-row-4')).toBeNull();
  });

  it('says so when there is nothing to show', () => {
    render(<ScheduleTable rows={[]} />);
    expect(screen.getByTestId('schedule-table-empty')).toHaveTextContent('暂无还款计划');
  });
});
