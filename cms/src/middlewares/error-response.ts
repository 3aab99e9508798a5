/**
 * The last word on a failed request, inside Strapi's error middleware: a database error the input
 * caused, on any path, becomes a 400 ValidationError (../input/boundary); anything else unexpected
 * is answered 500 with a request id in the body and logged once with that id for the operator.
 */
import crypto from 'crypto';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { dbInputError } from '../input/boundary';
import { redactPath } from './request-log';

const clientErrors: Record<number, string> = {
  400: 'Det sendte kunne ikke læses. Send gyldig JSON med Content-Type: application/json.',
  413: 'Det sendte er for stort. Gør teksten kortere.',
  415: 'Det sendte har et format eller en tegnkodning, der ikke kan læses. Send JSON i UTF-8.',
};

interface Context {
  method: string;
  path: string;
  status: number;
  body: unknown;
  set(name: string, value: string): void;
}

export default (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: Context, next: () => Promise<void>) => {
    try {
      await next();
    } catch (error) {
      if (error instanceof errors.ApplicationError || error instanceof errors.HttpError) throw error;
      const status = Number((error as { status?: unknown }).status);
      if (status >= 400 && status < 500) {
        // The body parser's own errors (malformed JSON, too large, unsupported charset) carry their status.
        ctx.status = status;
        ctx.body = { data: null, error: { status, name: 'BadRequestError', message: clientErrors[status] ?? clientErrors[400], details: {} } };
        return;
      }
      const input = dbInputError(strapi, error);
      if (input) throw input;
      const requestId = crypto.randomUUID();
      strapi.log.error(`[${requestId}] ${ctx.method} ${redactPath(ctx.path)} failed: ${(error as Error)?.stack ?? String(error)}`);
      ctx.set('X-Request-Id', requestId);
      ctx.status = 500;
      ctx.body = {
        data: null,
        error: {
          status: 500,
          name: 'InternalServerError',
          message: `Der opstod en fejl hos os. Oplys fejl-id ${requestId}, hvis du kontakter os.`,
          details: { requestId },
        },
      };
    }
  };
