/**
 * Whether an error means the database could not be reached (as opposed to a bad query or a
 * constraint): refused or dropped connections, a server shutting down or starting up, and the
 * pool's timeout waiting for a connection. Plain TS; checks the error and its causes.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** PostgreSQL SQLSTATE classes 08 (connection exception) and 57P0x (operator intervention: shutdown, cannot connect now). */
const PG_STATE = /^(08...|57P0[1-4])$/;
const MESSAGES =
  /Connection terminated|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down)|terminating connection due to administrator command/i;

/** The fields of an error (or its cause, or an AggregateError's errors) that tell a connection error. */
interface ErrorLike {
  code?: unknown;
  name?: unknown;
  message?: unknown;
  errors?: unknown;
  cause?: unknown;
}

export function isConnectionError(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; current = (current as ErrorLike).cause, depth++) {
    if (typeof current !== 'object') return false;
    const { code: errorCode, name, message, errors } = current as ErrorLike;
    const code = typeof errorCode === 'string' ? errorCode : '';
    if (NETWORK_CODES.has(code) || PG_STATE.test(code)) return true;
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && MESSAGES.test(message)) return true;
    if (Array.isArray(errors) && errors.some(isConnectionError)) return true;
  }
  return false;
}

/**
 * Whether an error says a query ran in a transaction that had already ended. Knex throws this
 * without a cause when a COMMIT or ROLLBACK failed first, which is what a connection dropped in
 * the middle of a transaction looks like; it is also what a query after a finished transaction
 * (our bug) looks like, so callers tell the two apart by asking the database (`isConnectionError`
 * on a probe query).
 */
export function isEndedTransactionError(error: unknown): boolean {
  return error instanceof Error && /^Transaction query already complete/.test(error.message);
}
