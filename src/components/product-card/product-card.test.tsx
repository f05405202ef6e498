import { render, screen, fireEvent } from '@testing-library/react';
import { ProductCard } from '.';

describe('ProductCard', () => {
  it('shows the annualised simple rate as the headline with the approval caveat', () => {
    render(<ProductCard rate="4.35%" limitRange="1,000元–300万元" termRange="3–36" onEstimate={() => undefined} />);
    expect(screen.getByTestId('annual-rate')).toHaveTextContent('4.35%');
    expect(screen.getByText('年化利率（单利）')).toBeInTheDocument();
    expect(screen.getByText('利率以审批结果为准')).toBeInTheDocument();
    expect(screen.getByTestId('limit-range')).toHaveTextContent('1,000元–300万元');
  });

  it('has no countdown or time pressure', () => {
    render(<ProductCard rate="4.35%" limitRange="1,000元–300万元" termRange="3–36" onEstimate={() => undefined} />);
    expect(screen.getByTestId('product-card').textContent).not.toMatch(/限时|倒计时|仅剩/);
  });

  it('starts the limit estimate when the button is pressed', () => {
    const onEstimate = jest.fn();
    render(<ProductCard rate="4.35%" limitRange="1,000元–300万元" termRange="3–36" onEstimate={onEstimate} />);
    fireEvent.click(screen.getByText('测一测我的额度'));
    expect(onEstimate).toHaveBeenCalledTimes(1);
  });
});
