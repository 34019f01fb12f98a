// Every call the gateway makes to the cloud on behalf of the console's users — to IAM (logins,
// project lists, token checks, revocations) and to compute (the proxied API calls, version
// discovery) — counted, with the last ones kept: what "backend calls" means when the console is
// measured (bench/console.ts reads them through the test-hook route). /readyz probes are not
// counted: they serve the load balancer, not a user.
import { loggablePath } from './access-log.ts';

export type UpstreamService = 'iam' | 'compute';

export interface UpstreamCall {
  /** 1, 2, 3 … in the order the calls were sent. */
  seq: number;
  at: string;
  service: UpstreamService;
  method: string;
  /** Path and query on the upstream (secret-looking query values masked, as in the access log). */
  path: string;
}

export class UpstreamCalls {
  private seq = 0;
  private readonly recent: UpstreamCall[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly keep = 1000,
  ) {}

  record(service: UpstreamService, method: string, url: URL): void {
    this.seq += 1;
    this.recent.push({ seq: this.seq, at: new Date(this.now()).toISOString(), service, method, path: loggablePath(url.pathname + url.search) });
    if (this.recent.length > this.keep) this.recent.shift();
  }

  /** How many calls so far, and those kept that came after call number `after`. */
  since(after = 0): { total: number; calls: UpstreamCall[] } {
    return { total: this.seq, calls: this.recent.filter((call) => call.seq > after) };
  }
}
