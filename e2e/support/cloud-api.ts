// Setting up test data on the embedded cloud directly (not through the console): a tenant of
// the spec's own, with room for many servers, and calls of the compute API as that tenant.
import { openDatabase } from '../../server/cloud/db/database.ts';
import { assignRole, domainByRef } from '../../server/cloud/repositories/identity.ts';
import { setQuota } from '../../server/cloud/repositories/quotas.ts';
import { createProject, createUser } from '../../server/cloud/services/identity.ts';
import { createNetwork } from '../../server/cloud/services/networks.ts';
import { createDefaultSecurityGroup } from '../../server/cloud/services/security-groups.ts';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the specs through playwright.config.ts (global setup)`);
  return value;
}

export interface Tenant {
  username: string;
  password: string;
  project: string;
  projectId: string;
  network: { id: string; cidr: string };
}

export interface TenantQuotas {
  instances?: number;
  cores?: number;
  ram?: number;
}

/**
 * A project and member user (domain Default, password = name) with a network, the default
 * security group and the given quotas. No API of the spec creates projects or sets quotas,
 * so this writes the cloud's database: call it only while the cloud is idle (global setup),
 * or a concurrent API write could meet a changed snapshot.
 */
export function provisionTenant(dbPath: string, name: string, index: number, quotas: TenantQuotas = {}): Tenant {
  const { db } = openDatabase(dbPath);
  try {
    return db.transaction(() => {
      const domain = domainByRef(db, { name: 'Default' });
      if (!domain) throw new Error('no Default domain');
      const projectId = createProject(db, name, domain.id, `e2e tenant ${name}`);
      const userId = createUser(db, name, domain.id, name, projectId);
      for (const role of ['member', 'reader']) assignRole(db, userId, projectId, role);
      const cidr = `10.${100 + index}.0.0/16`;
      const net = createNetwork(db, { projectId, label: `net-${name}`, cidr, dns1: '100.125.1.250', dns2: '100.125.64.250' });
      createDefaultSecurityGroup(db, projectId);
      setQuota(db, projectId, 'instances', quotas.instances ?? 200);
      setQuota(db, projectId, 'cores', quotas.cores ?? 400);
      setQuota(db, projectId, 'ram', quotas.ram ?? 2_000_000);
      return { username: name, password: name, project: name, projectId, network: { id: net.id, cidr } };
    })();
  } finally {
    db.close();
  }
}

export interface CloudSession {
  token: string;
  projectId: string;
}

export async function cloudLogin(username: string, password: string, project: string): Promise<CloudSession> {
  const res = await fetch(`${env('E2E_CLOUD_URL')}/v3/auth/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      auth: {
        identity: { methods: ['password'], password: { user: { name: username, password, domain: { name: 'Default' } } } },
        scope: { project: { name: project, domain: { name: 'Default' } } },
      },
    }),
  });
  if (res.status !== 201) throw new Error(`cloud login of ${username} failed: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { token: { project: { id: string } } };
  return { token: res.headers.get('x-subject-token')!, projectId: body.token.project.id };
}

/** One compute call at microversion 2.26; throws on a status other than the expected ones. */
export async function compute<T = unknown>(
  session: CloudSession,
  method: string,
  path: string,
  body?: unknown,
  expect: number[] = [200, 201, 202, 204],
): Promise<T> {
  const res = await fetch(`${env('E2E_CLOUD_URL')}/v2.1/${session.projectId}${path}`, {
    method,
    headers: {
      'X-Auth-Token': session.token,
      'Content-Type': 'application/json',
      'X-OpenStack-Nova-API-Version': '2.26',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!expect.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface ServerDetail {
  id: string;
  name: string;
  status: string;
  locked?: boolean;
  tags?: string[];
  'OS-EXT-STS:task_state'?: string | null;
}

export async function getServer(session: CloudSession, id: string): Promise<ServerDetail> {
  return (await compute<{ server: ServerDetail }>(session, 'GET', `/servers/${id}`)).server;
}

/** Waits until the server is in `status` with no task running. */
export async function waitForStatus(session: CloudSession, id: string, status: string, timeoutMs = 30_000): Promise<ServerDetail> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const server = await getServer(session, id);
    if (server.status === status && !server['OS-EXT-STS:task_state']) return server;
    if (Date.now() > end) throw new Error(`server ${id} is ${server.status}, not ${status}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The id of a public image by name, and of a flavor. */
export async function imageId(session: CloudSession, name: string): Promise<string> {
  const res = await fetch(`${env('E2E_CLOUD_URL')}/v2/${session.projectId}/images`, { headers: { 'X-Auth-Token': session.token } });
  const images = ((await res.json()) as { images: { id: string; name: string }[] }).images;
  const found = images.find((image) => image.name === name);
  if (!found) throw new Error(`no image ${name}`);
  return found.id;
}

export interface NewServer {
  name: string;
  flavorRef?: string;
  imageRef: string;
  networkId: string;
  availability_zone?: string;
  key_name?: string;
  metadata?: Record<string, string>;
}

export async function createServer(session: CloudSession, server: NewServer): Promise<string> {
  const body = await compute<{ server: { id: string } }>(session, 'POST', '/servers', {
    server: {
      name: server.name,
      flavorRef: server.flavorRef ?? 's3.medium.2',
      imageRef: server.imageRef,
      networks: [{ uuid: server.networkId }],
      ...(server.availability_zone ? { availability_zone: server.availability_zone } : {}),
      ...(server.key_name ? { key_name: server.key_name } : {}),
      ...(server.metadata ? { metadata: server.metadata } : {}),
    },
  });
  return body.server.id;
}

/** Runs `fn` over `items`, `concurrency` at a time (the cloud shares 2 cores with the browser). */
export async function inBatches<T, R>(items: readonly T[], concurrency: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        out[index] = await fn(items[index], index);
      }
    }),
  );
  return out;
}
