/**
 * The one error type of the HTTP layer and the one place that turns any thrown value into a response.
 * Routes throw `ApiError`; `errorResponse` (installed with `app.onError`) answers JSON under /api and an
 * HTML page elsewhere, so a client always gets `{ error: { code, message } }` with a status that matches.
 */
import { z } from 'zod';
import { StoreError } from '../store/index.ts';

/** Stable error codes: clients switch on these, so they are few and never renamed. */
export const API_ERROR_CODES = {
  bad_json: 400, // the body is not valid JSON
  invalid_input: 400, // a parameter or body field fails its schema; the message says which and what was expected
  not_found: 404, // no such route, story or article
  payload_too_large: 413, // the body is over the configured limit
  unsupported_media_type: 415, // a body that is not application/json
  empty_page: 422, // a posted page whose text or HTML is empty
  internal_error: 500, // a bug or a broken store row: logged with its cause, never a stack trace in the body
  unavailable: 503, // the store is closed (the server is shutting down)
} as const satisfies Record<string, number>;
export type ApiErrorCode = keyof typeof API_ERROR_CODES;

/** The JSON body of every error response. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.enum(Object.keys(API_ERROR_CODES) as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = API_ERROR_CODES[code];
  }
}

/** A zod failure as one message naming each field and what it expected. */
export function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}

/** Parses a value with a schema or throws invalid_input saying what was expected, prefixed by where it came from. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('invalid_input', `${where}: ${issuesText(parsed.error)}`);
  return parsed.data;
}

/**
 * Maps anything thrown to an ApiError. Store errors: a closed store means the server is going away
 * (503); a row that fails its schema is our bug, not the client's (500).
 */
export function toApiError(err: unknown): { error: ApiError; cause: unknown | null } {
  if (err instanceof ApiError) return { error: err, cause: null };
  if (err instanceof StoreError && err.code === 'closed') return { error: new ApiError('unavailable', 'the store is closed'), cause: null };
  if (err instanceof StoreError && err.code === 'bad_input') return { error: new ApiError('invalid_input', err.message), cause: null };
  return { error: new ApiError('internal_error', 'internal error: the server logged the cause'), cause: err };
}
