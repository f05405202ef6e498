import { productLimitRange, productRate, productTermRange } from './product-display';

describe('product display', () => {
  it('shows the standard annual rate of an offer, with two decimals', () => {
    expect(productRate()).toBe('4.35%');
  });

  it('shows the limits the credit policy grants', () => {
    expect(productLimitRange()).toBe('1,000元–300万元');
  });

  it('shows the term range', () => {
    expect(productTermRange()).toBe('3–36');
  });
});
