import fs from 'node:fs';
import path from 'node:path';

// NutUI derives pressed, disabled and checked-background colours from variables with pink/red
// defaults; any we leave unset shows NutUI's pink on our blue theme (a disabled primary button).
const NUTUI = path.resolve(__dirname, '../node_modules/@nutui/nutui-react-taro/dist/es/packages');
const appScss = fs.readFileSync(path.join(__dirname, 'app.scss'), 'utf8');
// Where the app imports NutUI from: components/nutui.ts, and files beside it for components only
// subpackages use (components/nutui-radio.ts), so they stay out of the WeChat main package.
const nutuiTs = fs
  .readdirSync(path.join(__dirname, 'components'))
  .filter((f) => /^nutui(-[a-z-]+)?\.ts$/.test(f))
  .map((f) => fs.readFileSync(path.join(__dirname, 'components', f), 'utf8'))
  .join('\n');
const used = [...nutuiTs.matchAll(/packages\/([a-z]+)\/style\/css/g)].map((m) => m[1]);

/** Every `--nutui-color-primary…` / `--nutui-color-danger…` variable a used component reads, with its default. */
function themeVariables(): Map<string, string> {
  const vars = new Map<string, string>();
  for (const name of used) {
    const css = fs.readFileSync(path.join(NUTUI, name, 'style/style.css'), 'utf8');
    for (const m of css.matchAll(/var\((--nutui-color-(?:primary|danger)[a-z0-9-]*), (#[0-9a-f]{3,6})/g))
      vars.set(m[1], m[2]);
  }
  return vars;
}

/** The theme block of app.scss: `--name: value;` pairs. */
const defined = new Map([...appScss.matchAll(/(--nutui-[a-z0-9-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));

/** Red-dominant colours: NutUI's defaults (#ff0f23, #ffadbe, #ffebf1, #ff475d). */
const pinkish = (hex: string) => {
  const h = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16));
  return r > 200 && r - Math.max(g, b) > 40;
};

describe('the NutUI theme, set once in app.scss', () => {
  it('reads the components the app imports', () => {
    expect(used).toEqual(expect.arrayContaining(['button', 'checkbox', 'radio', 'tag']));
  });

  it('defines every primary colour a used component derives, none of them NutUI’s pink', () => {
    const vars = themeVariables();
    expect(vars.has('--nutui-color-primary-disabled-special')).toBe(true); // the disabled primary button
    for (const [name, fallback] of vars) {
      if (!name.startsWith('--nutui-color-primary')) continue;
      expect({ name, value: defined.get(name) ?? `unset (falls back to ${fallback})` }).toEqual({
        name,
        value: expect.stringMatching(/^#[0-9a-f]{6}$/i),
      });
      expect({ name, pink: pinkish(defined.get(name) as string) }).toEqual({ name, pink: false });
    }
  });
});
