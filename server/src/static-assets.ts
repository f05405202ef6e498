import { relative, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { nativeRequire } from './native-require';

type StaticPlugin = typeof import('@fastify/static').default;
const staticPlugin = () => nativeRequire<{ default: StaticPlugin }>('@fastify/static').default;

/** Content-hashed files never change under their name: cache them for a year and never revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all, which names the current hashes): revalidate on every use. */
export const REVALIDATE = 'no-cache';

/** Taro's H5 output (config/index.ts): js/[name].[hash:8].js, css/[name].[hash].css, static/… with hashes. */
export const H5_HASHED_DIRS = ['js', 'css', 'static'] as const;
/** Vite's output for the console: assets/[name]-[hash].js. */
export const CONSOLE_HASHED_DIRS = ['assets'] as const;

export function cacheControlFor(root: string, filePath: string, hashedDirs: readonly string[]): string {
  const top = relative(root, filePath).split(sep)[0];
  return hashedDirs.includes(top) ? IMMUTABLE : REVALIDATE;
}

export interface BuiltSite {
  /** The build's output folder (dist/h5, dist/console). */
  root: string;
  /** URL prefix, e.g. '/console/'; default '/'. */
  prefix?: string;
  /** Top-level folders of `root` whose file names carry a content hash. */
  hashedDirs: readonly string[];
  /** Adds `reply.sendFile` (only the first registration may). */
  decorateReply?: boolean;
}

/**
 * Serves a production build: the `.br` / `.gz` twin written next to each file at build time
 * (scripts/precompress.ts) when the client accepts it, with Content-Encoding and
 * `Vary: Accept-Encoding`; the plain file otherwise. Hashed files are immutable, the rest no-cache.
 */
export async function serveBuilt(app: FastifyInstance, site: BuiltSite): Promise<void> {
  await app.register(staticPlugin(), {
    root: site.root,
    prefix: site.prefix ?? '/',
    wildcard: false,
    index: ['index.html'],
    decorateReply: site.decorateReply ?? true,
    preCompressed: true,
    setHeaders: (reply, filePath) => {
      reply.header('cache-control', cacheControlFor(site.root, filePath, site.hashedDirs));
    },
  });
}

/**
 * The staff console (a Vite build) at /console/: its files, and index.html for every other path
 * under /console/ (the console routes on the client).
 */
export async function serveConsole(app: FastifyInstance, root: string, decorateReply: boolean): Promise<void> {
  await serveBuilt(app, { root, prefix: '/console/', hashedDirs: CONSOLE_HASHED_DIRS, decorateReply });
  app.get('/console', { schema: { hide: true } }, (_request, reply) => reply.redirect('/console/'));
  app.get('/console/*', { schema: { hide: true } }, (_request, reply) =>
    reply.header('cache-control', REVALIDATE).type('text/html').sendFile('index.html', root),
  );
}
