/** The admin side of /privacy: types of the answers and which functions the signed-in user may use. */
import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

export interface PrivacyAccess {
  export: boolean;
  anonymise: boolean;
}

export interface MatchingCase {
  documentId: string;
  caseNumber: string | null;
  receivedAt: string | null;
  matchedOn: ('email' | 'phone' | 'name' | 'cvr')[];
}

export interface RetentionItem {
  documentId: string;
  caseNumber: string | null;
  caseStatus: string;
  closedAt: string;
  dueAt: string;
  status: 'due' | 'soon' | 'postponed';
  retentionHoldUntil: string | null;
  retentionHoldReason: string | null;
  /** The version listed, sent back with a postponement or anonymisation. */
  updatedAt: string;
}

export const matchLabels: Record<MatchingCase['matchedOn'][number], string> = { email: 'e-mail', phone: 'telefon', name: 'navn', cvr: 'CVR-nummer' };

/** The server's Danish message from a failed request. */
export const errorMessage = (error: any) => error?.response?.data?.error?.message ?? error?.message ?? 'Noget gik galt.';

let accessRequest: Promise<PrivacyAccess> | null = null;

/** Which privacy functions the user may use (asked once per page load; the server checks every call anyway). */
export function usePrivacyAccess(): PrivacyAccess | null {
  const { get } = useFetchClient();
  const [access, setAccess] = React.useState<PrivacyAccess | null>(null);
  React.useEffect(() => {
    accessRequest ??= get<{ data: PrivacyAccess }>('/privacy/access').then(
      ({ data }) => data.data,
      () => ({ export: false, anonymise: false }),
    );
    accessRequest.then(setAccess);
  }, [get]);
  return access;
}
