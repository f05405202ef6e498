// One runner, several projects: each layer is tested in the environment it runs in.
// `npx jest --selectProjects domain` (or sdk, server, dom, e2e) runs one of them.
const tsJest = [
  'ts-jest',
  {
    tsconfig: {
      isolatedModules: true,
      jsx: 'react-jsx',
      esModuleInterop: true,
      module: 'commonjs',
      target: 'es2020',
      allowJs: true,
    },
  },
];
// `@lingjie/source`: in-repo code imports @lingjie/risk-sdk from its TypeScript sources (sdk/package.json
// `exports`); an installed copy has only dist/. The `package` project tests that installed copy.
const SOURCE_CONDITION = '@lingjie/source';
const base = {
  testEnvironmentOptions: { customExportConditions: [SOURCE_CONDITION, 'node', 'node-addons'] },
  transform: { '^.+\\.(t|j)sx?$': tsJest },
  transformIgnorePatterns: ['/node_modules/(?!(@noble)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...base, displayName: 'domain', testEnvironment: 'node', roots: ['<rootDir>/src/domain'] },
    { ...base, displayName: 'sdk', testEnvironment: 'node', roots: ['<rootDir>/sdk'] },
    { ...base, displayName: 'server', testEnvironment: 'node', roots: ['<rootDir>/server'] },
    {
      ...base,
      displayName: 'dom',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: [SOURCE_CONDITION, 'browser'] },
      roots: ['<rootDir>/src'],
      testPathIgnorePatterns: ['/src/domain/'],
      setupFilesAfterEnv: ['<rootDir>/test/setup-dom.ts'],
      moduleNameMapper: {
        '^@tarojs/taro$': '<rootDir>/test/mocks/taro.ts',
        '^@tarojs/components$': '<rootDir>/test/mocks/components.tsx',
        '\\.(css|scss|sass|less)$': '<rootDir>/test/mocks/style.ts',
        '/style/css$': '<rootDir>/test/mocks/style.ts',
        '^@nutui/nutui-react-taro$': '<rootDir>/test/mocks/nutui.tsx',
        '^@/(.*)$': '<rootDir>/src/$1',
      },
    },
    { ...base, displayName: 'tools', testEnvironment: 'node', roots: ['<rootDir>/scripts'] },
    { ...base, displayName: 'simulator', testEnvironment: 'node', roots: ['<rootDir>/simulator'] },
    { ...base, displayName: 'e2e', testEnvironment: 'node', roots: ['<rootDir>/test/e2e'] },
    // The staff console's pages and components in jsdom (antd needs matchMedia & co: see the setup file).
    {
      ...base,
      displayName: 'console',
      testEnvironment: 'jsdom',
      testEnvironmentOptions: { customExportConditions: [SOURCE_CONDITION, 'browser'] },
      roots: ['<rootDir>/console'],
      testPathIgnorePatterns: ['/bench/'],
      setupFilesAfterEnv: ['<rootDir>/console/test/setup.ts'],
      moduleNameMapper: {
        '^echarts(/.*)?$': '<rootDir>/console/test/echarts-stub.ts',
        '\\.css$': '<rootDir>/test/mocks/style.ts',
      },
    },
    // The packed SDK in fresh projects (npm run check:sdk-package); global setup builds and packs it once.
    {
      ...base,
      displayName: 'package',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/package'],
      testPathIgnorePatterns: ['/fixtures/'],
      globalSetup: '<rootDir>/test/package/global-setup.ts',
    },
  ],
};
