/**
 * The notification workers: a separate process (`node workers/dist/index.js`, started by
 * `npm start`). Delivers the CMS's outbox through BullMQ; see app.ts.
 */
import { startWorkers } from './app';
import { loadWorkerSettings } from './settings';

const log = {
  info: (message: string) => console.log(`[workers] ${message}`),
  warn: (message: string) => console.warn(`[workers] ${message}`),
  error: (message: string) => console.error(`[workers] ${message}`),
};

async function main() {
  const settings = loadWorkerSettings();
  const workers = await startWorkers({ settings, log, inbox: true });
  log.info(
    `delivering the outbox from ${settings.endpoints.cmsUrl} via ${settings.endpoints.redisUrl.replace(/\/\/[^@]*@/, '//***@')}; ` +
      (settings.endpoints.smtp
        ? `SMTP ${settings.endpoints.smtp.host}:${settings.endpoints.smtp.port}`
        : `no SMTP_HOST: emails are written to ${settings.outbox.mailDir} and links are logged (dev mode)`),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: closing queues and connections`);
    // Jobs in flight get a moment to finish; a stuck connection must not keep the process alive.
    setTimeout(() => process.exit(1), 15_000).unref();
    await workers.close().catch((error) => log.error(`shutdown: ${(error as Error).message}`));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  log.error(`could not start: ${(error as Error).message}`);
  process.exit(1);
});
