/**
 * The reconcile schedule. Deliberately a timer in each worker process rather than a BullMQ
 * repeatable job: a repeatable job lives in Redis and would vanish with the very flush the
 * reconciler must repair. Two processes reconciling at once is harmless (job ids dedupe).
 */
export interface ReconcileTimer {
  stop(): void;
}

export function startReconcileTimer(run: () => Promise<unknown>, everyMs: number, log: { warn(message: string): void }): ReconcileTimer {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch((error) => log.warn(`reconciler: ${(error as Error).message}`))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  return { stop: () => clearInterval(timer) };
}
