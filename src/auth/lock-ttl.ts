// Both refresh locks take the same TTL: Redis's PX wants a positive integer, and the in-process
// lock holds itself to the same rule so a TTL that works in tests works in production.

export function assertLockTtl(ttlMs: number): void {
  if (!Number.isSafeInteger(ttlMs) || ttlMs <= 0) throw new RangeError(`a lock TTL is a positive whole number of milliseconds, got ${ttlMs}`);
}
