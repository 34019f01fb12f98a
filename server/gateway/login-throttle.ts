// Failed logins counted per client IP in a sliding window; past the limit the gateway
// answers 429 without asking IAM, so guessing passwords through the console is slow and
// IAM's own lockout policies are not tripped by a single noisy client. Async, so that
// replicas can share one count in Redis (redis-stores.ts).

export interface LoginThrottle {
  /** Seconds the client must wait before trying again, or 0 when it may try now. */
  retryAfter(client: string): Promise<number>;
  recordFailure(client: string): Promise<void>;
}

/** Seconds to wait, from the failure times (epoch ms, ascending) inside the window. */
export function waitSeconds(recent: number[], maxFailures: number, windowMs: number, now: number): number {
  if (recent.length < maxFailures) return 0;
  const oldest = recent[recent.length - maxFailures];
  return Math.max(1, Math.ceil((oldest + windowMs - now) / 1000));
}

export class MemoryLoginThrottle implements LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxClients = 10_000,
  ) {}

  async retryAfter(client: string): Promise<number> {
    return waitSeconds(this.recent(client), this.maxFailures, this.windowMs, this.now());
  }

  async recordFailure(client: string): Promise<void> {
    const recent = this.recent(client);
    recent.push(this.now());
    this.failures.set(client, recent);
    if (this.failures.size > this.maxClients) this.prune();
  }

  private recent(client: string): number[] {
    const since = this.now() - this.windowMs;
    const kept = (this.failures.get(client) ?? []).filter((t) => t > since);
    if (kept.length === 0) this.failures.delete(client);
    else this.failures.set(client, kept);
    return kept;
  }

  private prune(): void {
    for (const client of [...this.failures.keys()]) this.recent(client);
  }
}
