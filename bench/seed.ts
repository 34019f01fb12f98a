import { performance } from 'node:perf_hooks';
import { buildCloud } from '../server/cloud/app.ts';
import type { RequestContext } from '../server/cloud/context.ts';
import { MAX } from '../server/cloud/microversion.ts';
import { listImages } from '../server/cloud/repositories/images.ts';
import { setQuota } from '../server/cloud/repositories/quotas.ts';
import { replaceTags } from '../server/cloud/repositories/servers.ts';
import { createNetwork } from '../server/cloud/services/networks.ts';
import { createServers } from '../server/cloud/services/server-create.ts';

export interface Seeded {
  projectId: string;
  networkId: string;
  imageId: string;
}

/**
 * A new database whose project `alpha` holds `count` servers, made through the create
 * service (quotas, placement, ports, security groups, instance actions: what POST /servers
 * does) in one transaction, each with metadata and tags; then the lifecycle engine finishes
 * their builds in this process, so the benchmarked cloud starts with `count` ACTIVE servers.
 */
export async function seedServers(dbPath: string, count: number, log: (s: string) => void): Promise<Seeded> {
  const transitionMs = 20;
  const app = await buildCloud({ dbPath, transitionMs });
  try {
    const one = (sql: string) => (app.db.prepare(sql).get() as { id: string }).id;
    const projectId = one("SELECT id FROM projects WHERE name = 'alpha'");
    const userId = one("SELECT id FROM users WHERE name = 'alice'");
    // Room for the seeded servers and for everything the runs make.
    for (const [r, n] of [['instances', count + 2000], ['cores', 10_000_000], ['ram', 10_000_000_000]] as const) setQuota(app.db, projectId, r, n);
    const net = createNetwork(app.db, { projectId, label: 'bench-net', cidr: '10.96.0.0/14' });
    const image = listImages(app.db, projectId, {}).find((i) => i.visibility === 'public' && i.min_ram === 0)!;
    const ctx = { requestId: 'req-bench', projectId, userId, userName: 'alice', roles: ['member'], isAdmin: false, legacy: false, mv: MAX, baseUrl: 'http://127.0.0.1', apiPrefix: `/v2.1/${projectId}` } satisfies RequestContext;
    const t0 = performance.now();
    app.db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const tier = i % 2 ? 'web' : 'app';
        const server = { name: `bench-${String(i).padStart(5, '0')}`, imageRef: image.id, flavorRef: 's3.large.2', networks: [{ uuid: net.id }], metadata: { index: String(i), tier } };
        const made = createServers(app.db, { ...ctx, requestId: `req-bench-${i}` }, { server }, { transitionMs });
        replaceTags(app.db, made.servers[0].id, ['bench', tier]);
      }
    })();
    const made = performance.now() - t0;
    for (;;) {
      const building = (app.db.prepare('SELECT COUNT(*) AS n FROM servers WHERE due_at IS NOT NULL').get() as { n: number }).n;
      if (building === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    log(`seeded ${count.toLocaleString('en')} servers in ${(made / 1000).toFixed(1)} s (one transaction), built in ${((performance.now() - t0 - made) / 1000).toFixed(1)} s more`);
    return { projectId, networkId: net.id, imageId: image.id };
  } finally {
    await app.close();
  }
}
