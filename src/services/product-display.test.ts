import { productLimitRange, productRateRange } from './product-display';

describe('product display', () => {
  it('formats the rate range from basis points with two decimals', () => {
    expect(productRateRange()).toBe('3.45%–12.00%');
  });

  it('formats the limit range in 万元', () => {
    expect(productLimitRange()).toBe('1万元–100万元');
  });
});
