import { checkWeapp, formatSize, MAIN_BUDGET } from './check-weapp';
import { writeBuild } from './weapp-fixture';

const page = (p: string) => ({ [`${p}.js`]: '', [`${p}.json`]: '{}', [`${p}.wxml`]: '' });
const appJson = (extra: object = {}) =>
  JSON.stringify({
    pages: ['pages/index/index'],
    subPackages: [{ root: 'package-a', pages: ['x/index'] }],
    tabBar: { list: [{ pagePath: 'pages/index/index' }] },
    __usePrivacyCheck__: true,
    ...extra,
  });

describe('checkWeapp', () => {
  it('accepts a well-formed build and reports a size per package', () => {
    const dir = writeBuild({ 'app.json': appJson(), ...page('pages/index/index'), ...page('package-a/x/index') });
    const report = checkWeapp(dir);
    expect(report.problems).toEqual([]);
    expect(report.sizes.map((s) => s.name)).toEqual(['主包', 'package-a']);
  });

  it('reports a page missing its wxml, a tab page in a subpackage and a missing privacy switch', () => {
    const dir = writeBuild({
      'app.json': appJson({ tabBar: { list: [{ pagePath: 'package-a/x/index' }] }, __usePrivacyCheck__: undefined }),
      ...page('pages/index/index'),
      'package-a/x/index.js': '',
      'package-a/x/index.json': '{}',
    });
    const problems = checkWeapp(dir).problems.join('\n');
    expect(problems).toContain('package-a/x/index 缺少 .wxml');
    expect(problems).toContain('tabBar 页面 package-a/x/index 不在主包中');
    expect(problems).toContain('__usePrivacyCheck__');
  });

  it('reports a main-package module that requires a subpackage', () => {
    const dir = writeBuild({
      'app.json': appJson(),
      ...page('pages/index/index'),
      ...page('package-a/x/index'),
      'pages/index/index.js': 'require("../../package-a/x/index")',
    });
    expect(checkWeapp(dir).problems).toEqual(['主包文件 pages/index/index.js 引用了分包 package-a/x/index']);
  });

  it('reports a require whose file is missing and one into another subpackage', () => {
    const dir = writeBuild({
      'app.json': appJson({
        subPackages: [
          { root: 'package-a', pages: ['x/index'] },
          { root: 'package-b', pages: ['y/index'] },
        ],
      }),
      ...page('pages/index/index'),
      ...page('package-a/x/index'),
      ...page('package-b/y/index'),
      'package-a/sub-common/shared.js': '',
      'package-a/x/index.js': 'require("../sub-common/shared.js");require("../sub-common/gone.js");',
      'package-b/y/index.js': 'require("../../package-a/sub-common/shared.js");require("../../vendors.js")',
      'vendors.js': '',
    });
    expect(checkWeapp(dir).problems).toEqual([
      '文件 package-a/x/index.js 引用的 package-a/sub-common/gone.js 不存在',
      '分包文件 package-b/y/index.js 引用了另一个分包 package-a/sub-common/shared.js',
    ]);
  });

  it('reports a main package over budget', () => {
    const dir = writeBuild({
      'app.json': appJson(),
      ...page('pages/index/index'),
      ...page('package-a/x/index'),
      'vendors.js': 'x'.repeat(MAIN_BUDGET + 1),
    });
    expect(checkWeapp(dir).problems.join('\n')).toMatch(/主包 大小 .* 超出预算/);
  });

  it('holds the main package to its 520 KB ceiling: 520 KB passes, one byte more fails', () => {
    const build = (bytes: number) =>
      writeBuild({
        'app.json': appJson(),
        ...page('pages/index/index'),
        ...page('package-a/x/index'),
        'vendors.js': 'x'.repeat(bytes),
      });
    const rest = checkWeapp(build(0)).sizes[0].bytes; // app.json and the page files
    expect(MAIN_BUDGET).toBe(520 * 1024);
    expect(checkWeapp(build(520 * 1024 - rest)).problems).toEqual([]);
    expect(checkWeapp(build(520 * 1024 - rest + 1)).problems).toEqual(['主包 大小 520.0 KB 超出预算 520 KB']);
  });

  it('prints each size against its budget with the headroom or the overshoot', () => {
    expect(formatSize({ name: '主包', bytes: 450 * 1024, budget: 500 * 1024 })).toMatch(
      /^主包\s+450\.0 KB \/ 500 KB \(90%, 50\.0 KB under\)$/,
    );
    expect(formatSize({ name: '主包', bytes: 512 * 1024, budget: 500 * 1024 })).toContain('(102%, 12.0 KB OVER)');
  });
});
