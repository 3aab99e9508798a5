/** Everything the workers read from the environment, through the shared config package. */
import fs from 'fs';
import { loadEndpoints, municipality, workerSettings, type Endpoints, type InboxSettings, type OutboxSettings } from '@borgerraadgiver/config';

export interface WorkerSettings {
  endpoints: Endpoints;
  outbox: OutboxSettings;
  inbox: InboxSettings;
  advisorEmail: string;
}

/** Throws naming every bad variable the workers read (config/src/settings.ts), so they stop at start. */
export function loadWorkerSettings(env: Record<string, string | undefined> = process.env): WorkerSettings {
  const { outbox, inbox } = workerSettings(env);
  return { endpoints: loadEndpoints(env, municipality.email), outbox, inbox, advisorEmail: municipality.email };
}

/** OUTBOX_WORKER_TOKEN, or the token the CMS generated in .data/ for a local `npm start`. */
export async function resolveWorkerToken(settings: OutboxSettings, waitMs = 60_000): Promise<string> {
  if (settings.workerToken) return settings.workerToken;
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const token = fs.readFileSync(settings.workerTokenFile, 'utf8').trim();
      if (token) return token;
    } catch {
      /* the CMS creates it at its first start */
    }
    if (Date.now() > deadline)
      throw new Error(
        `No worker token: set OUTBOX_WORKER_TOKEN (the same value for the CMS and the workers) or start the CMS first so it creates ${settings.workerTokenFile}`,
      );
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
