// Routes. Tab pages and the first-run pages live in the main package; each journey is a
// subpackage so the main package stays small as screens grow (target 500 KB, WeChat's limit
// 2 MB; scripts/check-weapp.ts). What only subpackages import is kept out of it by the build.
export default defineAppConfig({
  pages: ['pages/index/index', 'pages/loans/index', 'pages/me/index', 'pages/consent/index', 'pages/login/index'],
  subPackages: [
    { root: 'package-onboarding', pages: ['real-name/index', 'enterprise/index', 'authorisations/index'] },
    {
      root: 'package-apply',
      pages: ['estimate/index', 'application/index', 'decision/index', 'contract/index', 'drawdown/index'],
    },
    { root: 'package-loan', pages: ['detail/index', 'repay/index', 'deferral/index'] },
    { root: 'package-account', pages: ['notices/index', 'settings/index', 'contracts/index', 'service/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '零接',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    color: '#5b6472',
    selectedColor: '#1a56db',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/index/index',
        text: '首页',
        iconPath: 'assets/tab/home.png',
        selectedIconPath: 'assets/tab/home-active.png',
      },
      {
        pagePath: 'pages/loans/index',
        text: '我的贷款',
        iconPath: 'assets/tab/loans.png',
        selectedIconPath: 'assets/tab/loans-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tab/me.png',
        selectedIconPath: 'assets/tab/me-active.png',
      },
    ],
  },
  // WeChat's privacy API: getPrivacySetting / requirePrivacyAuthorize work only with this set.
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
});
