import { setElderMode } from './elder-mode';

// The H5 tab bar lives outside every page; the switch reaches it through a class on <html>.
describe('elder mode on H5', () => {
  const before = process.env.TARO_ENV;
  beforeAll(() => {
    process.env.TARO_ENV = 'h5';
  });
  afterAll(() => {
    Object.assign(process.env, { TARO_ENV: before });
    setElderMode(false);
  });

  it('marks the document root so the tab bar grows with the pages', () => {
    setElderMode(true);
    expect(document.documentElement.classList.contains('lj-elder-root')).toBe(true);
    setElderMode(false);
    expect(document.documentElement.classList.contains('lj-elder-root')).toBe(false);
  });

  it('the root styles give the tab bar elder sizes (36 design px = 18 px, 128 = 64 px)', () => {
    const scss = jest
      .requireActual<typeof import('node:fs')>('node:fs')
      .readFileSync(`${__dirname}/../app.scss`, 'utf8');
    const block = scss.slice(scss.indexOf('.lj-elder-root'));
    expect(block).toMatch(/\.weui-tabbar__label\s*\{[^}]*font-size:\s*36px/);
    expect(block).toMatch(/\.taro-tabbar__tabbar\s*\{[^}]*height:\s*128px/);
  });
});
