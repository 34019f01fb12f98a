// GET /readyz: whether this replica can serve a user now — IAM answers, the compute
// endpoint answers, the session store answers — each checked with a short bound, in
// parallel. A load balancer takes the replica out while it says 503 (and while it drains
// on SIGTERM). GET /healthz only says the process is up.
import type { SessionStore } from './session-store.ts';

const CHECK_TIMEOUT_MS = 3_000;

interface Check {
  ok: boolean;
  /** Why not, or why it was not checked. */
  detail?: string;
}

export interface Readiness {
  status: 'ready' | 'not_ready' | 'shutting_down';
  checks: Record<'iam' | 'compute' | 'sessionStore', Check>;
}

/** Reachable: any HTTP answer below 500 (an unauthenticated version document is a 200). */
async function answers(url: string): Promise<Check> {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.status < 500 ? { ok: true } : { ok: false, detail: `answered ${res.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, detail: (error as Error).name === 'TimeoutError' ? 'timed out' : `unreachable (${cause ?? String(error)})` };
  }
}

export interface ReadinessDeps {
  iamV3: string;
  /** Compute roots to check: the configured one, or those the sessions' catalogs named so far. */
  computeRoots: () => string[];
  store: SessionStore;
}

export async function checkReadiness({ iamV3, computeRoots, store }: ReadinessDeps): Promise<Readiness> {
  const roots = computeRoots();
  const [iam, computes, sessionStore] = await Promise.all([
    answers(iamV3),
    Promise.all(roots.map((root) => answers(`${root}/`))),
    store.ping().then(
      (): Check => ({ ok: true }),
      (): Check => ({ ok: false, detail: 'unreachable' }),
    ),
  ]);
  const failed = computes.find((check) => !check.ok);
  const compute: Check = roots.length === 0 ? { ok: true, detail: 'not known yet: taken from the token catalog at the first login' } : (failed ?? { ok: true });
  const checks = { iam, compute, sessionStore };
  return { status: Object.values(checks).every((check) => check.ok) ? 'ready' : 'not_ready', checks };
}
