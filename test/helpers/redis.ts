/** Real Redis for integration tests: a unique BullMQ prefix per test file, removed afterwards. */
import crypto from 'crypto';
import IORedis from 'ioredis';

export const redisUrl = () => process.env.REDIS_URL || 'redis://127.0.0.1:6379';

export function uniquePrefix(name: string): string {
  return `test-${name}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
}

/** Deletes every key under a prefix: a "flush" limited to this test's queues. */
export async function deletePrefix(prefix: string): Promise<number> {
  const redis = new IORedis(redisUrl(), { maxRetriesPerRequest: 3 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
