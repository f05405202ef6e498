/**
 * Is this a failed load of a page's code or styles? On H5 every page is a webpack chunk fetched on
 * first visit; offline that fetch fails and webpack rejects with a ChunkLoadError ("Loading chunk 5
 * failed.", "Loading CSS chunk 7 failed."). Taro's router passes it on, and a failed switchTab
 * reports it as `errMsg: "switchTab:fail Loading CSS chunk …"` — all of them mean "the network is
 * gone, this page cannot open", never a fault in the page itself.
 */
const CHUNK_FAILURE =
  /Loading (CSS )?chunk [\w.-]+ failed|Failed to fetch dynamically imported module|error loading dynamically imported module|Importing a module script failed/i;

export function isChunkLoadError(reason: unknown): boolean {
  if (typeof reason === 'string') return CHUNK_FAILURE.test(reason);
  if (typeof reason !== 'object' || reason === null) return false;
  const r = reason as { name?: unknown; message?: unknown; errMsg?: unknown; type?: unknown; request?: unknown };
  if (r.name === 'ChunkLoadError') return true;
  // mini-css-extract-plugin rejects with a plain Error whose code is CSS_CHUNK_LOAD_FAILED.
  if ((reason as { code?: unknown }).code === 'CSS_CHUNK_LOAD_FAILED') return true;
  return [r.message, r.errMsg].some((text) => typeof text === 'string' && CHUNK_FAILURE.test(text));
}
