/**
 * The HTTP layer of Storyweave: `createApp` (the JSON API under /api and the web pages, pure: no
 * socket) and `serve` (listens, 127.0.0.1 by default). Routes and shapes: openapi.ts and schemas.ts.
 */
export { createApp, CONTENT_SECURITY_POLICY, SECURITY_HEADERS, DEFAULT_MAX_BODY_BYTES, type AppOptions, type StoryweaveApp } from './app.ts';
export { serve, DEFAULT_HOST, DEFAULT_PORT, type ServeOptions, type RunningServer } from './serve.ts';
export { ApiError, API_ERROR_CODES, ErrorBody, type ApiErrorCode } from './errors.ts';
export { OPENAPI_DOCUMENT, API_ROUTES } from './openapi.ts';
export { StoryService, type ServiceOptions } from './service.ts';
export * as schemas from './schemas.ts';
