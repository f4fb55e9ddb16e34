// A small stand-in for `storyline serve` (docs/api.md): fixture JSON, filtering, the
// 503 + Retry-After loading protocol, and ui/dist as static files.
//   npx tsx e2e/mock-server.ts [--port 8080] [--loading-ms 3000] [--dist dist]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOW, STORIES, THREADS } from './fixtures';

export interface MockOptions {
  port?: number;
  host?: string;
  distDir?: string;
  /** Answer 503 + Retry-After: 1 for this long after start (the "restoring" phase). */
  loadingMs?: number;
  /** Answer 503 + Retry-After: 1 to this many API requests first (deterministic for tests). */
  loadingRequests?: number;
}

export interface MockServer {
  url: string;
  server: Server;
  requests: string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

function serveStatic(res: ServerResponse, dist: string, pathname: string): void {
  let file = normalize(join(dist, decodeURIComponent(pathname)));
  if (!file.startsWith(dist + sep) && file !== dist) return json(res, 404, { error: 'not found' });
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  if (!existsSync(file)) return json(res, 404, { error: 'ui not built: run npm run build' });
  res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
}

export function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  const path = url.pathname;
  if (req.method === 'GET' && path === '/threads') {
    const period = Number(url.searchParams.get('period') ?? 0);
    const lang = url.searchParams.get('lang') ?? '';
    const q = (url.searchParams.get('q') ?? '').toLowerCase();
    const limit = Number(url.searchParams.get('limit') ?? 100) || 100;
    const now = Date.parse(NOW);
    const threads = THREADS.filter(
      (t) =>
        (!period || now - Date.parse(t.last_seen ?? NOW) <= period * 1000) &&
        (!lang || t.languages.includes(lang)) &&
        (!q || q.split(/\s+/).every((w) => t.title.toLowerCase().includes(w))),
    ).slice(0, limit);
    json(res, 200, { now: NOW, threads });
    return true;
  }
  const m = /^\/threads\/([^/]+)$/.exec(path);
  if (req.method === 'GET' && m) {
    const story = STORIES[decodeURIComponent(m[1])];
    if (story) json(res, 200, story);
    else json(res, 404, { error: 'no such thread' });
    return true;
  }
  if (path.startsWith('/articles/')) {
    if (req.method === 'PUT') {
      req.resume();
      req.on('end', () => json(res, 201, {}));
    } else json(res, 404, { error: 'no such article' });
    return true;
  }
  return false;
}

export function startMockServer(opts: MockOptions = {}): Promise<MockServer> {
  const dist = resolve(opts.distDir ?? fileURLToPath(new URL('../dist', import.meta.url)));
  const started = Date.now();
  const requests: string[] = [];
  let loadingLeft = opts.loadingRequests ?? 0;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const isApi = /^\/(threads|articles|compare)(\/|$)/.test(url.pathname);
    let loading = Date.now() - started < (opts.loadingMs ?? 0);
    if (isApi && loadingLeft > 0) {
      loadingLeft--;
      loading = true;
    }
    if (url.pathname === '/health') {
      return json(res, loading ? 503 : 200, { status: loading ? 'loading' : 'ok', articles: 4, threads: THREADS.length });
    }
    if (isApi && loading) return json(res, 503, { error: 'loading' }, { 'Retry-After': '1' });
    if (isApi && handleApi(req, res, url)) return;
    if (isApi) return json(res, 404, { error: 'not found' });
    serveStatic(res, dist, url.pathname);
  });
  return new Promise((resolveP, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolveP({
        url: `http://127.0.0.1:${port}`,
        server,
        requests,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const s = await startMockServer({
    port: Number(arg('--port') ?? 8080),
    loadingMs: Number(arg('--loading-ms') ?? 0),
    distDir: arg('--dist'),
  });
  console.log(`mock storyline API on ${s.url}`);
}
