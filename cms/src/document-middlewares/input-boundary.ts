/**
 * The input boundary (input/boundary.ts): normalises what is written, refuses orphaning deletes and
 * unreadable search fields, and turns what Strapi or the database refuses into Danish 400s.
 */
import type { Core } from '@strapi/strapi';
import { atInputBoundary } from '../input/boundary';
import type { DocumentMiddleware } from '../strapi-types';

export const inputBoundary =
  (strapi: Core.Strapi): DocumentMiddleware =>
  (ctx, next) =>
    atInputBoundary(strapi, ctx, next) as ReturnType<typeof next>;
