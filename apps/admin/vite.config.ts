import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The console is served by the API at '/', so every asset URL is relative to the root.
 * `npm run dev` proxies /api to a local API on port 3000.
 */
export default defineConfig({
  plugins: [react()],
  base: '/',
  resolve: {
    alias: {
      '@alliance/domain': fileURLToPath(new URL('../../libs/domain/src/index.ts', import.meta.url)),
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': { target: 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // react-admin + MUI make a large main chunk (the charts are split off); gzip brings it to ~420 kB.
    chunkSizeWarningLimit: 1500,
  },
});
