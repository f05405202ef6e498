import { createConsent, ConsentError } from './consent';

describe('consent state machine', () => {
  it('unknown → granted(levels) → withdrawn → granted again', () => {
    const c = createConsent();
    expect(c.state()).toEqual({ status: 'unknown' });
    expect(c.has('basic')).toBe(false);
    expect(c.grant(['sensors', 'basic'])).toEqual({ status: 'granted', levels: ['basic', 'sensors'] });
    expect(c.has('sensors')).toBe(true);
    expect(c.has('behaviour')).toBe(false);
    c.withdraw();
    expect(c.has('basic')).toBe(false);
    expect(c.granted().size).toBe(0);
    expect(c.state()).toEqual({ status: 'withdrawn' });
    expect(c.grant(['basic'])).toEqual({ status: 'granted', levels: ['basic'] });
    expect(c.has('basic')).toBe(true);
  });

  it('refuses grants without basic or with unknown levels', () => {
    const c = createConsent();
    expect(() => c.grant(['behaviour'])).toThrow(ConsentError);
    expect(() => c.grant(['basic', 'location' as never])).toThrow(/unknown consent level/);
    expect(c.state().status).toBe('unknown');
  });
});
