// `npm pack` / `npm publish` straight from sdk/ would ship package.json as it is here: its exports carry
// the in-repo `@lingjie/source` condition, which points at src/ (not in the package). Pack with
// `npm run tarball -w sdk` (sdk/scripts/pack.ts): it builds dist/ and packs a staged copy without it.
console.error('Refusing to pack sdk/ directly: run `npm run tarball -w sdk` (see sdk/scripts/pack.ts).');
process.exit(1);
