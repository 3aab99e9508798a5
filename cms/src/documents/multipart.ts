/**
 * A public form may arrive as JSON ({ data: {...} }) or as multipart with files, where koa-body
 * hands the fields over as strings: the `data` field then holds the JSON of the same object.
 */
export function bodyOf(body: unknown): unknown {
  if (!body || typeof body !== 'object') return body;
  const data = (body as { data?: unknown }).data;
  if (typeof data !== 'string') return body;
  try {
    return { ...(body as object), data: JSON.parse(data) };
  } catch {
    return { ...(body as object), data: null };
  }
}
