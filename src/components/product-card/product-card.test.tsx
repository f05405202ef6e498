import { render, screen, fireEvent } from '@testing-library/react';
import { ProductCard } from '.';

describe('ProductCard', () => {
  it('shows the annualised simple rate as the headline with the approval caveat', () => {
    render(<ProductCard rateRange="3.45%–12.00%" limitRange="1万–100万元" onEstimate={() => undefined} />);
    expect(screen.getByTestId('annual-rate')).toHaveTextContent('3.45%–12.00%');
    expect(screen.getByText('年化利率（单利）')).toBeInTheDocument();
    expect(screen.getByText('利率以审批结果为准')).toBeInTheDocument();
    expect(screen.getByTestId('limit-range')).toHaveTextContent('1万–100万元');
  });

  it('has no countdown or time pressure', () => {
    render(<ProductCard rateRange="3.45%–12.00%" limitRange="1万–100万元" onEstimate={() => undefined} />);
    expect(screen.getByTestId('product-card').textContent).not.toMatch(/限时|倒计时|仅剩/);
  });

  it('starts the limit estimate when the button is pressed', () => {
    const onEstimate = jest.fn();
    render(<ProductCard rateRange="3.45%–12.00%" limitRange="1万–100万元" onEstimate={onEstimate} />);
    fireEvent.click(screen.getByText('测一测我的额度'));
    expect(onEstimate).toHaveBeenCalledTimes(1);
  });
});
