/**
 * The public endpoints take JSON (up to what their text limits need) or multipart with files (whose
 * sizes the case file checks); anything else gets its own clear answer (415 or 413) instead of a
 * misleading field error.
 */
import { maxBodyBytes, textLimits } from '@borgerraadgiver/config';

interface BodyContext {
  status: number;
  body: unknown;
  request: { length?: number; is(type: string): string | false | null };
}

/** The largest JSON body each public endpoint accepts: its texts at their limits, all as \u escapes. */
export const PUBLIC_JSON_LIMITS = {
  complaint: maxBodyBytes(textLimits.complaint, 'json'),
  statement: maxBodyBytes(textLimits.statementRequest, 'json'),
} as const;

function answer(ctx: BodyContext, status: number, name: string, message: string) {
  ctx.status = status;
  ctx.body = { data: null, error: { status, name, message, details: {} } };
}

/** true when the request carries a JSON body of acceptable size or a multipart form; otherwise answers 415 or 413 and returns false. */
export function acceptPublicBody(ctx: BodyContext, endpoint: keyof typeof PUBLIC_JSON_LIMITS): boolean {
  if (ctx.request.is('multipart/form-data')) return true;
  if (!ctx.request.is('application/json')) {
    answer(
      ctx,
      415,
      'UnsupportedMediaTypeError',
      'Send oplysningerne som JSON med Content-Type: application/json, fx { "data": { ... } }, eller som multipart/form-data med filer.',
    );
    return false;
  }
  if (Number(ctx.request.length || 0) > PUBLIC_JSON_LIMITS[endpoint]) {
    answer(ctx, 413, 'PayloadTooLargeError', 'Det sendte er for stort. Se grænserne for hvert felt, og gør teksten kortere.');
    return false;
  }
  return true;
}
