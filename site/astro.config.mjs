// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

// Every page is rendered on request, so texts edited in the CMS appear without a rebuild.
export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  server: { port: 4321 },
  // Our own origin check (src/middleware.ts) answers in Danish and knows PUBLIC_SITE_URL behind a proxy.
  security: { checkOrigin: false },
  // External stylesheets only, so the Content-Security-Policy needs no 'unsafe-inline'.
  build: { inlineStylesheets: 'never' },
  devToolbar: { enabled: false },
  // The shared config package is CommonJS (as Strapi needs it): Node loads it at run time.
  vite: { ssr: { external: ['@borgerraadgiver/config'] } },
});
