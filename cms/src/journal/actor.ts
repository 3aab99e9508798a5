/**
 * Who is acting: an explicit scope (runAs, for jobs and scripts), else the HTTP request being
 * served (the admin user behind the admin panel, the citizen behind the public form, the center
 * behind its link, the workers behind the outbox routes, an API token), else the system itself.
 */
import { AsyncLocalStorage } from 'async_hooks';
import type { Core } from '@strapi/strapi';
import type { Actor } from './model';
import { processWide } from '../utils/process-wide';

const scope = processWide('journal.actor', () => new AsyncLocalStorage<Actor>());

export const SYSTEM: Actor = { type: 'system', name: 'Systemet' };

/** Runs fn with `actor` as the author of every event it causes (e.g. a nightly job). */
export function runAs<T>(actor: Actor, fn: () => T): T {
  return scope.run(actor, fn);
}

/** The public routes and who calls them, by the handler prefix of the route. */
const routeActors: [string, Actor][] = [
  ['api::public-complaint.', { type: 'citizen', name: 'Borger via webformularen' }],
  ['api::public-case.', { type: 'citizen', name: 'Borger via sin sagsside' }],
  ['api::public-statement.', { type: 'center', name: 'Center via link' }],
  ['api::notification.outbox.', { type: 'worker', name: 'E-mailudsendelsen' }],
];

interface RequestState {
  user?: { id?: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string | null; name?: string | null };
  auth?: { strategy?: { name?: string }; credentials?: { name?: string } };
  route?: { handler?: unknown };
}

/** The admin user's name as shown in the admin (first and last name, else username). */
export function adminUserName(user: NonNullable<RequestState['user']>): string {
  const name = [user.firstname, user.lastname].filter(Boolean).join(' ').trim();
  return name || user.username || `Bruger ${user.id}`;
}

export function currentActor(strapi: Core.Strapi): Actor {
  const explicit = scope.getStore();
  if (explicit) return explicit;
  const state = (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;
  if (!state) return SYSTEM;
  const strategy = state.auth?.strategy?.name;
  if (strategy === 'admin' && state.user?.id) return { type: 'admin', id: state.user.id, name: adminUserName(state.user) };
  if (strategy === 'api-token') return { type: 'system', name: `API-nøgle ${state.auth?.credentials?.name ?? ''}`.trim() };
  const handler = typeof state.route?.handler === 'string' ? state.route.handler : '';
  return routeActors.find(([prefix]) => handler.startsWith(prefix))?.[1] ?? SYSTEM;
}

/** The admin user of the current request, if any (reads are recorded for admin users only). */
export function currentAdmin(strapi: Core.Strapi): Actor | null {
  const actor = currentActor(strapi);
  return actor.type === 'admin' ? actor : null;
}
