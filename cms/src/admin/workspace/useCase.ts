/** The case page's overview from the server (GET /workspace/cases/:documentId), shared by its panels. */
import * as React from 'react';
import { useQueryParams, unstable_useDocument as useDocument } from '@strapi/strapi/admin';
import { buildValidParams } from '@strapi/content-manager/strapi-admin';
import { useAdminGet } from '../useAdminGet';
import type { CaseActionAvailability, CaseActionKind } from '../../rules/case-actions';
import { COMPLAINT } from '../../content-types';
export { COMPLAINT };

export interface CaseOverview {
  documentId: string;
  caseNumber: string | null;
  caseStatus: string;
  identity: string;
  center: { documentId: string; name: string } | null;
  nextSteps: CaseActionAvailability;
  /** What the statement request's dialog must ask for (R10, the center). */
  requestNeeds: { centerHadOpportunity: boolean; center: boolean };
  requests: {
    documentId: string;
    label: string;
    requestStatus: string;
    centerName: string | null;
    requestedAt: string | null;
    dueAt: string | null;
    agreedDueAt: string | null;
    agreementNote: string | null;
    dueAtExplanation: string | null;
    overdue: boolean;
    response: { text: string | null; respondedAt: string | null; respondentName: string | null; respondentTitle: string | null } | null;
  }[];
  notifications: { documentId: string; label: string; kind: string; deliveryStatus: string; at: string | null }[];
  opinions: { documentId: string; label: string; recommendations: { documentId: string; text: string }[] }[];
  meetings: { documentId: string; label: string }[];
}

export type { CaseActionKind };

// Panels of one case page refresh together after a step.
const listeners = new Set<() => void>();
export const refreshCase = () => listeners.forEach((listener) => listener());

/** Loads the overview; reloads when the stored case changes (`version`, e.g. its updatedAt) or after a step. */
export function useCaseOverview(documentId: string, version?: string) {
  const { body, error, reload } = useAdminGet<{ data: CaseOverview }>(`/workspace/cases/${documentId}`, 'Sagens overblik kunne ikke hentes.', version);
  React.useEffect(() => {
    listeners.add(reload);
    return () => void listeners.delete(reload);
  }, [reload]);
  return { overview: body?.data ?? null, error };
}

/** Refetches the case page's own document query (same arguments, so the same cache entry) after a change made beside the form. */
export function useCaseDocumentRefetch(documentId: string) {
  const [{ query }] = useQueryParams();
  const params = React.useMemo(() => buildValidParams(query), [query]);
  return useDocument({ collectionType: 'collection-types', model: COMPLAINT, documentId, params }).refetch;
}

export const danishDate = (iso: string | null | undefined, withTime = false) =>
  iso
    ? new Intl.DateTimeFormat('da-DK', {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
        timeZone: 'Europe/Copenhagen',
      }).format(new Date(iso))
    : '';
