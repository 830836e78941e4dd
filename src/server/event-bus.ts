// Where webhook events meet subscribers. Topics are per account (its key), so a subscriber only
// ever hears its own account. With Redis, events go through Redis pub/sub on two connections of
// their own (a subscribed connection can do nothing else), so a webhook received by any instance
// reaches subscribers on every instance; without Redis, they stay in process.

import { createPubSub } from 'graphql-yoga';
import { createRedisEventTarget } from '@graphql-yoga/redis-event-target';
import { Redis } from 'ioredis';
import type { EntityEvent } from '../webhooks/events.js';

export interface EventBus {
  /** One webhook's events of one account, delivered together so subscribers can batch loads. */
  publish(accountKey: string, events: EntityEvent[]): void;
  subscribe(accountKey: string): AsyncIterable<EntityEvent[]>;
  close(): Promise<void>;
}

export interface EventBusOptions {
  redisUrl?: string | null;
  /** Channel names start with it, like every Redis key of the deployment. */
  prefix: string;
  log?: (level: 'error' | 'warn' | 'info', message: string) => void;
}

export async function createEventBus(options: EventBusOptions): Promise<EventBus> {
  let connections: Redis[] = [];
  let eventTarget: ReturnType<typeof createRedisEventTarget> | undefined;
  if (options.redisUrl) {
    connections = [newConnection(options.redisUrl), newConnection(options.redisUrl)];
    try {
      await Promise.all(connections.map((redis) => redis.connect()));
    } catch (error) {
      for (const redis of connections) redis.disconnect();
      throw new Error(`REDIS_URL is set but Redis does not answer for events: ${(error as Error).message}`);
    }
    const log = options.log ?? (() => {});
    eventTarget = createRedisEventTarget({
      publishClient: caught(connections[0]!, log),
      subscribeClient: caught(connections[1]!, log),
    });
  }
  const pubSub = createPubSub<Record<string, [EntityEvent[]]>>(eventTarget ? { eventTarget } : {});
  const topic = (accountKey: string) => `${options.prefix}:events:${accountKey}`;
  return {
    publish: (accountKey, events) => pubSub.publish(topic(accountKey), events),
    subscribe: (accountKey) => pubSub.subscribe(topic(accountKey)),
    async close() {
      // quit() lets pending unsubscribes finish instead of failing them as the socket drops.
      await Promise.all(connections.map((redis) => redis.quit().catch(() => redis.disconnect())));
    },
  };
}

/**
 * The event target fires publish/subscribe/unsubscribe and forgets their promises; a Redis
 * failure would then be an unhandled rejection that can end the process. This logs it instead.
 */
function caught(redis: Redis, log: NonNullable<EventBusOptions['log']>): Redis {
  const guarded = new Set(['publish', 'subscribe', 'unsubscribe']);
  return new Proxy(redis, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || !guarded.has(property) || typeof value !== 'function') return value;
      return (...args: unknown[]) =>
        (value as (...a: unknown[]) => Promise<unknown>).apply(target, args).catch((error: Error) => {
          if (target.status !== 'end') log('error', `event bus: Redis ${property} failed: ${error.message}`);
        });
    },
  });
}

function newConnection(url: string): Redis {
  return new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 3_000 });
}
