// Taro's preset compiles the app for both weapp and h5; TypeScript is stripped by it too.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
