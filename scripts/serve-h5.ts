/**
 * Serves the built H5 app (dist/h5) on localhost. The sandbox bank server replaces this once it
 * serves the app beside its API; until then it is how the start command and the browser test run.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

export function serveH5(
  root: string,
  port = 0,
  host = '127.0.0.1',
): Promise<{ url: string; close: () => Promise<void> }> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = path.join(base, urlPath);
    // Never serve outside the build folder; unknown paths get the app shell (hash router).
    if (!file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      file = path.join(base, 'index.html');
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${actual}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

if (require.main === module) {
  const dist = path.resolve('dist/h5');
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.error('找不到 dist/h5/index.html：请先运行 npm run build:h5');
    process.exit(1);
  }
  void serveH5(dist, Number(process.env.PORT ?? 8080)).then(({ url }) => {
    console.log(`零接 H5 已启动：${url}  (Ctrl+C 停止)`);
  });
}
