// Version discovery (spec 3.3/3.4: `GET /` and `GET /v2.1/`) done by the gateway once per
// compute endpoint and handed to the page with the session, so the page's first compute
// call is the one it came for. Cached per endpoint root: past VERSIONS_TTL_SECONDS the
// cached documents are still served at once while a refresh runs in the background; only an
// endpoint never seen (or never answered) is waited for. A failed discovery gives null and
// the page discovers for itself.
import { z } from 'zod';
import { describe } from './keystone.ts';
import type { UpstreamCalls } from './upstream-calls.ts';

/** Discovery is on the login's path: bounded well below UPSTREAM_TIMEOUT_MS. */
const DISCOVERY_TIMEOUT_MS = 15_000;

const versionSchema = z.object({
  id: z.string(),
  status: z.string(),
  version: z.string().optional(),
  min_version: z.string().optional(),
  updated: z.string().optional(),
  links: z.array(z.object({ href: z.string(), rel: z.string(), type: z.string().optional() })).optional(),
});
const listSchema = z.object({ versions: z.array(versionSchema) });
const documentSchema = z.object({ version: versionSchema });

type VersionDocument = z.infer<typeof versionSchema>;

export interface ComputeVersions {
  /** `GET /`: every API version of the endpoint. */
  versions: VersionDocument[];
  /** `GET /v2.1/`, when the endpoint lists v2.1. */
  current: VersionDocument | null;
  /** Epoch ms of the answer. */
  fetchedAt: number;
}

interface Entry {
  value?: ComputeVersions;
  refreshing?: Promise<ComputeVersions | null>;
}

export class ComputeVersionsCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly logError: (message: string, error: unknown) => void,
    private readonly upstream?: UpstreamCalls,
  ) {}

  /** The endpoint's versions: cached at once, else fetched (null when that fails). */
  async get(root: string, token: string): Promise<ComputeVersions | null> {
    const entry = this.entries.get(root) ?? {};
    this.entries.set(root, entry);
    if (entry.value) {
      if (this.now() - entry.value.fetchedAt >= this.ttlMs) void this.refresh(root, entry, token);
      return entry.value;
    }
    return this.refresh(root, entry, token);
  }

  /** Compute roots seen so far (for /readyz). */
  roots(): string[] {
    return [...this.entries.keys()];
  }

  private refresh(root: string, entry: Entry, token: string): Promise<ComputeVersions | null> {
    entry.refreshing ??= fetchVersions(root, token, this.now, this.upstream)
      .then((value) => (entry.value = value))
      .catch((error: unknown) => {
        this.logError(`gateway: version discovery at ${new URL(root).host} failed (${describe(error)})`, error);
        // A stale answer is better than none; none makes the page discover for itself.
        return entry.value ?? null;
      })
      .finally(() => (entry.refreshing = undefined));
    return entry.refreshing;
  }
}

async function getJson(url: string, token: string, upstream: UpstreamCalls | undefined): Promise<unknown> {
  upstream?.record('compute', 'GET', new URL(url));
  const res = await fetch(url, {
    // Nova serves versions without a token; some deployments want one.
    headers: { Accept: 'application/json', 'X-Auth-Token': token },
    redirect: 'manual',
    signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS),
  });
  // Nova answers the list with 200, some deployments with 300 Multiple Choices.
  if (!res.ok && res.status !== 300) {
    await res.body?.cancel();
    throw new Error(`${url} answered ${res.status}`);
  }
  return res.json();
}

async function fetchVersions(root: string, token: string, now: () => number, upstream: UpstreamCalls | undefined): Promise<ComputeVersions> {
  const { versions } = listSchema.parse(await getJson(`${root}/`, token, upstream));
  const current = versions.some((v) => v.id === 'v2.1') ? documentSchema.parse(await getJson(`${root}/v2.1/`, token, upstream)).version : null;
  return { versions, current, fetchedAt: now() };
}
