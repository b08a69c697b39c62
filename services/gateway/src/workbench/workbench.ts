import { createReadStream, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { FOIA_PACKAGE_STYLE } from '@lse/contracts';
import type { HttpRequest, HttpResponse, NextFn } from '@lse/service-kit';

/**
 * The one inline stylesheet the workbench allows, by its hash: a FOIA package's own. The FOIA
 * screen shows the released package's HTML in a sandboxed srcdoc frame, which inherits this
 * policy; with the hash the frame looks exactly as the downloaded file, and nothing else inline
 * is allowed.
 */
export const FOIA_PACKAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(FOIA_PACKAGE_STYLE, 'utf8').digest('base64')}'`;

/**
 * The workbench's Content-Security-Policy: everything from the gateway itself, nothing inline but
 * the FOIA package's stylesheet.
 * With an OIDC provider the pages also talk to it (discovery, token, silent renew in a frame) and
 * post the sign-in form to it.
 */
export function workbenchCsp(oidcOrigin?: string): string {
  const with_ = (...sources: Array<string | undefined>) => sources.filter(Boolean).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${FOIA_PACKAGE_STYLE_SOURCE}`,
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${with_("'self'", oidcOrigin)}`,
    `frame-src ${oidcOrigin ?? "'none'"}`,
    "frame-ancestors 'none'",
    "base-uri 'self'",
    `form-action ${with_("'self'", oidcOrigin)}`,
    "object-src 'none'",
  ].join('; ');
}

/** Media types of what a Vite build writes; anything else is served as bytes. */
const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** Paths the workbench never answers, whatever the method: the API, its viewer, health, metrics. */
const NOT_THE_APP = /^\/+(api|health|metrics)(\/|$)/i;

/** Vite names what it writes under assets/ by content hash: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is checked with the server before each use. */
const REVALIDATE = 'no-cache';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>The workbench is not built</title></head>
<body><main><h1>The workbench is not built</h1>
<p>This gateway has no workbench to serve yet. Run <code>npm run workbench:build</code>
(or restart <code>npm start</code>, which builds it when it is missing), then reload this page.</p>
<p>The API answers meanwhile at <a href="/api/v1">/api/v1</a>; its reference is at <a href="/api/docs">/api/docs</a>.</p>
</main></body></html>
`;

/** Whether the request lists text/html among what it accepts (a browser navigating), q > 0. */
function acceptsHtml(req: HttpRequest): boolean {
  const accept = req.headers.accept;
  if (typeof accept !== 'string') return false;
  return accept.split(',').some((range) => {
    const [type, ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    if (type !== 'text/html') return false;
    const q = params.find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

export interface WorkbenchOptions {
  /** The built app (WORKBENCH_DIR). */
  dir: string;
  /** The Content-Security-Policy of its HTML. */
  csp: string;
}

/**
 * Serves the workbench at `/` (GET and HEAD only; never /api, /health or /metrics): a file of the
 * build as it is; any other path a browser navigates to gets index.html, since the app routes in
 * the browser (/cases/123/hours). What is neither goes on to the router, whose 404 is a problem.
 * Dotfiles and anything outside the directory are never served: a path with a segment starting
 * with a dot (`..` included) is no file, and a file must resolve (symbolic links too) inside it.
 * The directory is read on each request, so a build made while the gateway runs is served.
 */
export function workbench(options: WorkbenchOptions) {
  const root = resolve(options.dir);
  const index = join(root, 'index.html');

  /** The file a URL path names inside the build, or undefined. */
  function fileOf(urlPath: string): { path: string; stats: Stats; immutable: boolean } | undefined {
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return undefined;
    }
    if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
    const segments = decoded.split('/').filter((s) => s.length > 0);
    if (segments.length === 0 || segments.some((s) => s.startsWith('.'))) return undefined;
    const path = join(root, ...segments);
    if (!path.startsWith(root + sep)) return undefined;
    const stats = statSync(path, { throwIfNoEntry: false });
    if (!stats?.isFile()) return undefined;
    try {
      if (!realpathSync(path).startsWith(realpathSync(root) + sep)) return undefined;
    } catch {
      return undefined;
    }
    return { path, stats, immutable: segments[0] === 'assets' && segments.length > 1 };
  }

  function send(req: HttpRequest, res: HttpResponse, path: string, stats: Stats, cacheControl: string): void {
    const type = MEDIA_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
    res.setHeader('Content-Type', type);
    res.setHeader('Cache-Control', cacheControl);
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', stats.mtime.toUTCString());
    if (type.startsWith('text/html')) res.setHeader('Content-Security-Policy', options.csp);
    const match = req.headers['if-none-match'];
    if (typeof match === 'string' && match.split(',').some((tag) => tag.trim() === etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }
    res.statusCode = 200;
    res.setHeader('Content-Length', stats.size);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  return (req: HttpRequest, res: HttpResponse, next: NextFn): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const urlPath = (req.url ?? '/').split('?')[0];
    let decodedPath = urlPath;
    try {
      decodedPath = decodeURIComponent(urlPath);
    } catch {
      // not a path the app has: left to the router
    }
    if (NOT_THE_APP.test(urlPath) || NOT_THE_APP.test(decodedPath)) return next();

    const file = fileOf(urlPath);
    if (file) return send(req, res, file.path, file.stats, file.immutable ? IMMUTABLE : REVALIDATE);
    // `/` is the app itself; any other path is one of its pages only for a browser navigating.
    if (urlPath !== '/' && !acceptsHtml(req)) return next();
    const indexStats = statSync(index, { throwIfNoEntry: false });
    if (indexStats?.isFile()) return send(req, res, index, indexStats, REVALIDATE);
    res.statusCode = 503;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Security-Policy', options.csp);
    res.end(req.method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
  };
}
