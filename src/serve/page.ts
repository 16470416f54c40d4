import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/**
 * The page at `/`: four files built into dist/web/ (src/serve/web/, scripts/bundle.mjs), served
 * from the same origin so the policy below can stay strict — no inline script or style, nothing
 * fetched from elsewhere, the page talks only to this server's /v1/ routes.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/page.js': { file: 'page.js', type: 'text/javascript; charset=utf-8' },
  '/page.css': { file: 'page.css', type: 'text/css; charset=utf-8' },
  '/favicon.svg': { file: 'favicon.svg', type: 'image/svg+xml' },
};

/**
 * dist/web/ beside the code that runs: ../web/ from dist/bundle/ (the command) and dist/serve/
 * (tsc's output); ../../dist/web/ from src/serve/ (the tests, run from the sources).
 */
function webFolder(): URL | null {
  for (const relative of ['../web/', '../../dist/web/']) {
    const url = new URL(relative, import.meta.url);
    if (existsSync(new URL('index.html', url))) return url;
  }
  return null;
}

/** GET /, /page.js, /page.css and /favicon.svg; each read once, on its first request. */
export function registerPage(app: FastifyInstance): void {
  const cache = new Map<string, Buffer>();
  for (const [path, asset] of Object.entries(ASSETS)) {
    app.get(path, async (_request, reply) => {
      let body = cache.get(path);
      if (!body) {
        const folder = webFolder();
        if (!folder) throw new Error('the page is not built (dist/web/ is missing): run npm run build');
        body = readFileSync(new URL(asset.file, folder));
        cache.set(path, body);
      }
      return reply.header('content-security-policy', PAGE_CSP).type(asset.type).send(body);
    });
  }
}
