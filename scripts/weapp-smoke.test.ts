import { smokeWeapp } from './weapp-smoke';
import { writeBuild } from './weapp-fixture';

const appJson = JSON.stringify({
  pages: ['pages/a/index', 'pages/b/index'],
  subPackages: [{ root: 'package-x', pages: ['c/index', 'd/index'] }],
});

describe('smokeWeapp', () => {
  it('loads app.js and every page with WeChat-style requires, and passes when each registers', () => {
    const dir = writeBuild({
      'app.json': appJson,
      'common.js': 'module.exports = { ready: true };',
      'app.js': 'require("./common"); App({});',
      'pages/a/index.js': 'if (!require("../../common.js").ready) throw new Error("x"); Page({});',
      'pages/b/index.js': 'Component({});',
      'package-x/sub-common/shared.js': 'wx.shared = 1;',
      'package-x/c/index.js': 'require("../sub-common/shared.js"); Page({});',
      'package-x/d/index.js': 'Page({});',
    });
    expect(smokeWeapp(dir)).toEqual([]);
  });

  it('reports a page that throws, one whose file requires a missing file, and one that never registers', () => {
    const dir = writeBuild({
      'app.json': appJson,
      'app.js': 'App({});',
      'pages/a/index.js': 'undefinedFunction();',
      'pages/b/index.js': 'require("../../gone.js"); Page({});',
      // A page waiting for a webpack chunk that is not there runs nothing and registers nothing.
      'package-x/c/index.js': '(wx.webpackJsonp = wx.webpackJsonp || []).push([[1], {}]);',
      'package-x/d/index.js': 'Page({});',
    });
    const problems = smokeWeapp(dir);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^pages\/a\/index\.js 加载时出错：.*undefinedFunction/);
    expect(problems[1]).toBe('pages/b/index.js 加载时出错：gone.js does not exist');
    expect(problems[2]).toBe('package-x/c/index.js 加载后没有注册页面（缺少依赖的代码块？）');
  });
});
