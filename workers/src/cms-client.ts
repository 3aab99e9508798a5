/** The workers talk to the CMS over HTTP with the shared worker token (see cms/src/outbox/worker-api.ts). */
import type { ClaimResult, InboundResult, PendingRow, SendReport } from '@borgerraadgiver/config';

export type { ClaimResult, OutboxMessage, PendingRow, SendReport } from '@borgerraadgiver/config';

/** The inbox reader's one call: store this message (raw RFC 5322 bytes); it may leave the inbox once this resolves. */
export interface InboxApi {
  deliver(raw: Buffer): Promise<InboundResult>;
}

/** The three questions a worker asks the CMS. */
export interface OutboxApi {
  claim(documentId: string): Promise<ClaimResult>;
  report(documentId: string, result: SendReport): Promise<void>;
  pending(): Promise<PendingRow[]>;
}

export class CmsClient implements OutboxApi, InboxApi {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly timeoutMs = 15_000,
  ) {}

  private async post<T>(pathname: string, body: unknown = {}): Promise<T> {
    const response = await fetch(`${this.baseUrl}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!response.ok) throw new Error(`CMS ${pathname.replace(/\/notifications\/[^/]+/, '/notifications/:id')} answered ${response.status}`);
    const json = (await response.json()) as { data: T };
    return json.data;
  }

  claim(documentId: string) {
    return this.post<ClaimResult>(`/api/outbox/notifications/${encodeURIComponent(documentId)}/claim`);
  }

  async report(documentId: string, result: SendReport) {
    await this.post(`/api/outbox/notifications/${encodeURIComponent(documentId)}/result`, result);
  }

  async deliver(raw: Buffer) {
    const response = await fetch(`${this.baseUrl}/api/inbox/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${this.token}` },
      body: new Uint8Array(raw),
      signal: AbortSignal.timeout(Math.max(this.timeoutMs, 120_000)),
    });
    if (!response.ok) throw Object.assign(new Error(`CMS /api/inbox/messages answered ${response.status}`), { status: response.status });
    return ((await response.json()) as { data: InboundResult }).data;
  }

  pending() {
    return this.post<PendingRow[]>('/api/outbox/reconcile');
  }
}
