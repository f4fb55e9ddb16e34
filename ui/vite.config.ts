import { defineConfig } from 'vitest/config';

// `npm run dev` proxies the API to a running `storyline serve` (or `npm run mock`).
const api = process.env.STORYLINE_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  // `storyline serve` mounts ui/dist at / and answers unknown paths (/story/x) with index.html:
  // relative asset URLs would then resolve under /story/ and the page would stay blank.
  base: '/',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: Object.fromEntries(
      ['/threads', '/articles', '/health', '/compare', '/metrics'].map((p) => [p, api]),
    ),
  },
  test: { include: ['src/**/*.test.ts'], environment: 'node' },
});
