export type TokenBucketPolicy = {
  /** Requests a client may make at once after a quiet period. */
  capacity: number;
  /** Sustained requests per second. */
  refillPerSecond: number;
  /** Clients remembered at most; beyond that the least recently seen are forgotten (they start full). */
  maxClients: number;
};

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

type Bucket = { tokens: number; updatedAtMs: number };

/**
 * Token buckets per client key, in memory. Memory is bounded by `maxClients`: forgetting a client only
 * ever lets it start again with a full bucket, never locks anyone out.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly policy: TokenBucketPolicy,
    private readonly nowMs: () => number = Date.now,
  ) {}

  take(key: string): TakeResult {
    const now = this.nowMs();
    const bucket = this.refilled(key, now);
    // Re-inserting keeps the map ordered by last use, so the oldest entry is the first one.
    this.buckets.delete(key);
    if (bucket.tokens >= 1) {
      this.buckets.set(key, { tokens: bucket.tokens - 1, updatedAtMs: now });
      this.forgetBeyondLimit();
      return { allowed: true };
    }
    this.buckets.set(key, bucket);
    this.forgetBeyondLimit();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.policy.refillPerSecond)) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string, now: number): Bucket {
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.policy.capacity, updatedAtMs: now };
    const elapsedSeconds = Math.max(0, now - bucket.updatedAtMs) / 1000;
    return { tokens: Math.min(this.policy.capacity, bucket.tokens + elapsedSeconds * this.policy.refillPerSecond), updatedAtMs: now };
  }

  private forgetBeyondLimit(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.policy.maxClients) return;
      this.buckets.delete(key);
    }
  }
}
