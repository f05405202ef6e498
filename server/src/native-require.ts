import Module from 'node:module';

/**
 * Loads a package through Node's own module loader instead of the caller's `require`. Under Jest,
 * `require` is Jest's sandboxed loader, which cannot run ESM-only dependencies (content-disposition
 * 3, pulled in by @fastify/static) nor PGlite's dynamic `import()` of Node built-ins. Under tsx and
 * plain node this is the same as `require`.
 */
export function nativeRequire<T>(specifier: string): T {
  const path = require.resolve(specifier);
  const load = (Module as unknown as { _load(path: string, parent: unknown, isMain: boolean): unknown })._load;
  return load(path, null, false) as T;
}
