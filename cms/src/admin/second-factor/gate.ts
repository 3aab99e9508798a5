/**
 * The panel's side of the second factor. The server refuses every admin request of a session that
 * has not passed it with 401 and `X-Second-Factor: verify|enrol` (cms/src/staff-sign-in/gate.ts).
 * Strapi's panel calls the server through the global fetch, and has no extension point after its
 * own login screen; so this wraps fetch: such a refusal opens the second-factor screen over the
 * panel (one for all waiting requests), and once the session has passed, each waiting request is
 * sent again and the panel gets its answer as if nothing had happened. Signing in stays Strapi's.
 */
import type { SecondFactorNeeded } from './api';

type Show = (needed: SecondFactorNeeded) => Promise<void>;

let waiting: Promise<void> | null = null;

/** Installs the wrapper once; `show` renders the screen and resolves when the session has passed. */
export function installSecondFactorGate(show: Show) {
  const original = window.fetch.bind(window);
  if ((original as { secondFactor?: boolean }).secondFactor) return;
  const gated = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // A Request's body can be read once: keep a copy for sending it again.
    const retry = input instanceof Request ? input.clone() : input;
    const response = await original(input, init);
    const needed = response.status === 401 ? response.headers.get('X-Second-Factor') : null;
    if (needed !== 'verify' && needed !== 'enrol') return response;
    waiting ??= show(needed).finally(() => {
      waiting = null;
    });
    await waiting;
    return original(retry, init);
  };
  window.fetch = Object.assign(gated, { secondFactor: true });
}
