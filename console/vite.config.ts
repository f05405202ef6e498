import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the sandbox bank at /console/ from dist/console (server/src/app.ts).
// `npm run dev -w console` serves it on :5174 with /api proxied to a running bank on :8080.
export default defineConfig({
  root: __dirname,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, '../dist/console'),
    emptyOutDir: true,
    // antd and ECharts are large; pages other than the decisions list load on demand.
    chunkSizeWarningLimit: 1500,
  },
  server: { port: 5174, proxy: { '/api': 'http://127.0.0.1:8080' } },
});
