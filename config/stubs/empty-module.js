// An empty module for the mini-program build, standing in (config/index.ts) for:
// - Node's `crypto`, which crypto-js asks for: webpack's own "ignored" module would give the same
//   nothing (crypto-js then reads randomness from the platform; the SDK never asks it for any —
//   keys, IVs and nonces come from wx.getRandomValues), but it has no resource, and Taro's
//   MiniSplitChunksPlugin stops scanning a subpackage's modules at the first such module, which
//   kept decimal.js in the main package;
// - crypto-js's MD5, SHA-1, EvpKDF and Base64, which its AES module loads only for password-based
//   encryption (OpenSSL's key derivation) and OpenSSL-format strings — the SDK seals raw bytes with
//   raw keys; a test runs the SDK's sealing with these four modules empty
//   (sdk/src/protocol/suites/ljr1-seal.no-kdf.test.ts).
module.exports = {};
