/**
 * Overload protection: too many requests in flight → 503, a station sending faster than
 * its allowance or with too many requests open at once → 429, all with Retry-After so
 * well-behaved stations back off.
 */
export class InFlight {
  private count = 0;
  constructor(private readonly max: number) {}

  /** False when the server is full; otherwise the caller must call release() exactly once. */
  tryAcquire(): boolean {
    if (this.count >= this.max) return false;
    this.count += 1;
    return true;
  }

  release(): void {
    this.count = Math.max(0, this.count - 1);
  }
}

/** Token bucket per station: `perMinute` requests, bursts up to the same number. */
export class StationRateLimit {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    private readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** 0 when allowed now, else whole seconds to wait. */
  take(stationId: string): number {
    const now = this.clock();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(stationId) ?? { tokens: this.perMinute, at: now };
    b.tokens = Math.min(this.perMinute, b.tokens + (now - b.at) * rate);
    b.at = now;
    this.buckets.set(stationId, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }
}

/**
 * Requests in flight per station. A station's own stalled uploads then use at most
 * `max` of the server's slots, and the other stations are still served.
 */
export class PerStationInFlight {
  private readonly counts = new Map<string, number>();
  constructor(private readonly max: number) {}

  /** False when the station is at its cap; otherwise the caller must call release(id) exactly once. */
  tryAcquire(stationId: string): boolean {
    const n = this.counts.get(stationId) ?? 0;
    if (n >= this.max) return false;
    this.counts.set(stationId, n + 1);
    return true;
  }

  release(stationId: string): void {
    const n = (this.counts.get(stationId) ?? 1) - 1;
    if (n <= 0) this.counts.delete(stationId);
    else this.counts.set(stationId, n);
  }
}
