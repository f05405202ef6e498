// What `require('crypto')` gives crypto-js in the mini-program build: nothing, as webpack's own
// "ignored" module would (crypto-js then reads randomness from the platform; the SDK never asks it
// for any — keys, IVs and nonces come from wx.getRandomValues). A real file, not `false`: Taro's
// MiniSplitChunksPlugin stops scanning a subpackage's modules at the first module without a
// resource, which kept decimal.js in the main package (see config/index.ts).
module.exports = {};
