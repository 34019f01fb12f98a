import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildCloud, type CloudOptions } from '../app.ts';

export interface Session {
  token: string;
  projectId: string;
  userId: string;
  /** Calls the compute API as this user: `call('GET', 'servers/detail')` hits /v2.1/{project}/servers/detail. */
  call: (
    method: InjectOptions['method'],
    path: string,
    body?: unknown,
    opts?: { version?: string; legacy?: boolean; headers?: Record<string, string> },
  ) => Promise<LightMyRequestResponse>;
}

/** A fresh cloud on an in-memory database with fast transitions. */
export async function makeCloud(opts: Partial<CloudOptions> = {}): Promise<FastifyInstance> {
  const app = await buildCloud({ dbPath: ':memory:', transitionMs: 20, ...opts });
  await app.ready();
  return app;
}

export async function login(app: FastifyInstance, user: 'admin' | 'alice' | 'bob', project?: string): Promise<Session> {
  const projectName = project ?? { admin: 'admin', alice: 'alpha', bob: 'beta' }[user];
  const res = await app.inject({
    method: 'POST',
    url: '/v3/auth/tokens',
    payload: {
      auth: {
        identity: { methods: ['password'], password: { user: { name: user, password: user, domain: { name: 'Default' } } } },
        scope: { project: { name: projectName, domain: { name: 'Default' } } },
      },
    },
  });
  if (res.statusCode !== 201) throw new Error(`login ${user} failed: ${res.statusCode} ${res.body}`);
  const token = String(res.headers['x-subject-token']);
  const body = res.json() as { token: { project: { id: string }; user: { id: string } } };
  const projectId = body.token.project.id;
  return {
    token,
    projectId,
    userId: body.token.user.id,
    call: (method, path, payload, o = {}) =>
      app.inject({
        method,
        url: `/${o.legacy ? 'v2' : 'v2.1'}/${projectId}/${path.replace(/^\//, '')}`,
        headers: {
          'x-auth-token': token,
          ...(o.version ? { 'x-openstack-nova-api-version': o.version } : {}),
          ...o.headers,
        },
        ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
      }),
  };
}

/** Polls until `check` passes or the time runs out (transitions are ~20 ms in tests). */
export async function eventually<T>(fn: () => Promise<T>, check: (v: T) => boolean, timeoutMs = 3000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (check(v)) return v;
    if (Date.now() > end) throw new Error(`condition not met in ${timeoutMs} ms: ${JSON.stringify(v).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
