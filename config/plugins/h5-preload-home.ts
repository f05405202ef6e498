/**
 * H5 build: `<link rel="preload">` in index.html for the home page's own chunks (JS and CSS).
 * Without it the browser learns about them only after app.js has downloaded and run and the router
 * has asked for the page: on a phone network that is a whole extra round of requests before the first
 * screen (issue 11 point 8). Found from webpack's chunk graph, so new hashes and split points follow.
 */
import HtmlWebpackPlugin from 'html-webpack-plugin';
import type { Chunk, Compilation, Compiler, Module } from 'webpack';

const PLUGIN = 'LjPreloadHomePage';

/** A page module (or a concatenated module rooted at it) whose path matches `page`. */
function isPageModule(module: Module, page: RegExp): boolean {
  const m = module as Module & { resource?: string; rootModule?: { resource?: string } };
  const resource = m.resource ?? m.rootModule?.resource ?? '';
  return page.test(resource.replace(/\\/g, '/').split('?')[0]);
}

/** Files of the lazily loaded chunk group that holds the page, minus what index.html loads anyway. */
export function homeChunkFiles(compilation: Compilation, page: RegExp): string[] {
  const { chunkGraph } = compilation;
  const initial = new Set<Chunk>();
  for (const entry of compilation.entrypoints.values()) entry.chunks.forEach((c) => initial.add(c));
  const holds = (chunk: Chunk) => [...chunkGraph.getChunkModulesIterable(chunk)].some((m) => isPageModule(m, page));
  const group = compilation.chunkGroups.find((g) => !g.isInitial() && g.chunks.some(holds));
  if (!group) return [];
  return group.chunks.filter((c) => !initial.has(c)).flatMap((c) => [...c.files].filter((f) => /\.(js|css)$/.test(f)));
}

export class PreloadHomePagePlugin {
  /** `page`: the home page's source path, e.g. /\/src\/pages\/index\/index\.tsx$/. */
  constructor(private readonly page: RegExp) {}

  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(PLUGIN, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTags.tap(PLUGIN, (data) => {
        const files = homeChunkFiles(compilation, this.page);
        if (!files.length) {
          compilation.warnings.push(new compiler.webpack.WebpackError(`${PLUGIN}: no lazy chunk holds ${this.page}`));
          return data;
        }
        const base = data.publicPath.endsWith('/') || !data.publicPath ? data.publicPath : `${data.publicPath}/`;
        for (const file of files) {
          data.assetTags.styles.push(
            HtmlWebpackPlugin.createHtmlTagObject('link', {
              rel: 'preload',
              as: file.endsWith('.css') ? 'style' : 'script',
              href: base + file,
            }),
          );
        }
        return data;
      });
    });
  }
}
