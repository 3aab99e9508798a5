/** The second factor's admin routes (cms/src/staff-sign-in), through Strapi's own fetch client. */
import { getFetchClient } from '@strapi/strapi/admin';

export type SecondFactorNeeded = 'verify' | 'enrol';

export interface Enrolment {
  key: string;
  uri: string;
  qrCode: string;
}

export interface FactorStatus {
  mode: 'required' | 'optional' | 'off';
  enrolled: boolean;
  passed: boolean;
  recoveryCodesLeft: number;
}

export interface StaffFactor {
  id: number;
  name: string;
  email: string;
  active: boolean;
  enrolledAt: string | null;
}

/** The server's Danish message of a refused call. */
export const errorMessage = (error: unknown) =>
  (error as { response?: { data?: { error?: { message?: string } } } })?.response?.data?.error?.message ?? 'Der skete en fejl. Prøv igen.';

/** A JSON call to `/second-factor<path>`; the server's `data` (a refusal throws Strapi's FetchError, see errorMessage). */
export async function callSecondFactor<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const client = getFetchClient();
  const url = `/second-factor${path}`;
  const response = method === 'GET' ? await client.get(url) : method === 'DELETE' ? await client.del(url) : await client.post(url, body ?? {});
  return (response.data as { data: T }).data;
}

/** Signs out: the session ends on the server, and the reloaded panel shows Strapi's login. */
export async function signOut() {
  await getFetchClient()
    .post('/admin/logout', {})
    .catch(() => undefined);
  window.localStorage.removeItem('jwtToken');
  window.location.reload();
}
