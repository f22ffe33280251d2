/**
 * The HTTP application: the JSON API under /api and the web pages, behind one set of security headers
 * and one error handler. `createApp` is pure (it does not listen), so tests call `app.request()`
 * in-process; `serve` (serve.ts) puts it on a socket.
 */
import { Hono, type Context } from 'hono';
import type { Store } from '../store/index.ts';
import { webRoutes } from '../web/routes.ts';
import { errorPage } from '../web/pages.ts';
import { apiRoutes } from './api.ts';
import { ApiError, toApiError, type ErrorBody } from './errors.ts';
import { DEFAULT_SERVICE_OPTIONS, StoryService, type ServiceOptions } from './service.ts';

/**
 * Article text is untrusted, so no page may run script, load anything from elsewhere, be framed, or
 * post a form off-site; styles come only from our stylesheet route (no inline style attributes).
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Largest POST /api/pages body: 5 MB. The biggest page in WCXB dev is about 1.9 MB of HTML as JSON;
 * anything much larger is not a news page, and the whole body is held in memory while it is read.
 */
export const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface AppOptions {
  store: Store;
  service?: Partial<ServiceOptions>;
  maxBodyBytes?: number;
  /** Where internal errors are reported with their cause (stderr by default). */
  logError?: (message: string, cause: unknown) => void;
}

/** The app and what it must release: the ingest session of posted pages (the store stays open). */
export type StoryweaveApp = Hono & { close(): Promise<void> };

/**
 * Builds the app over a store. Call `close()` when done if pages were posted: it ends their ingest
 * session (whose flush timer would otherwise keep the process alive).
 *
 * @example
 *   const app = createApp({ store: await openStore({ kind: 'memory' }) });
 *   const res = await app.request('/api/stories?sort=biggest');
 *   (await res.json()).stories.length // 0 on an empty store
 */
export function createApp(options: AppOptions): StoryweaveApp {
  const service = new StoryService(options.store, { ...DEFAULT_SERVICE_OPTIONS, ...options.service });
  const logError = options.logError ?? ((message, cause) => console.error(message, cause));
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  });

  app.route('/api', apiRoutes(service, { maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES }));
  app.route('/', webRoutes(service));

  app.notFound((c) => respond(c, new ApiError('not_found', `no route for ${c.req.method} ${c.req.path}`)));
  app.onError((err, c) => {
    const { error, cause } = toApiError(err);
    if (cause !== null) logError(`storyweave serve: ${c.req.method} ${c.req.path} failed:`, cause);
    return respond(c, error);
  });
  return Object.assign(app, { close: () => service.close() });
}

/** An error as JSON under /api (what an API client parses) and as a page elsewhere (what a reader sees). */
function respond(c: Context, error: ApiError): Response {
  const status = error.status as 400 | 404 | 413 | 415 | 422 | 500 | 503;
  if (c.req.path === '/api' || c.req.path.startsWith('/api/')) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    return c.json(body, status);
  }
  return c.html(errorPage(error.status, error.message), status);
}
