// A demo user's direct line to the embedded cloud (not through the console), for the server
// detail specs: boot the servers they work on, change them behind the console's back (an
// admin locks a server), and clean up.

function cloudUrl(): string {
  const url = process.env.E2E_CLOUD_URL;
  if (!url) throw new Error('E2E_CLOUD_URL is not set: run the specs through playwright.config.ts (global setup)');
  return url;
}

export interface CloudServer {
  id: string;
  name: string;
  status: string;
  locked?: boolean;
  flavor: { id: string };
  image: { id: string } | '' | null;
  metadata: Record<string, string>;
  'OS-EXT-AZ:availability_zone'?: string;
  'OS-EXT-STS:task_state'?: string | null;
  [key: string]: unknown;
}

export class CloudSession {
  private constructor(
    readonly token: string,
    readonly projectId: string,
    private readonly cloud: string,
  ) {}

  /** `cloud`: the shared embedded cloud of global setup, unless a spec started one of its own. */
  static async login(username: string, password: string, project: string, cloud = cloudUrl()): Promise<CloudSession> {
    const res = await fetch(`${cloud}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: username, password, domain: { name: 'Default' } } } },
          scope: { project: { name: project, domain: { name: 'Default' } } },
        },
      }),
    });
    if (res.status !== 201) throw new Error(`cloud login of ${username} failed: ${res.status}`);
    const body = (await res.json()) as { token: { project: { id: string } } };
    return new CloudSession(res.headers.get('x-subject-token')!, body.token.project.id, cloud);
  }

  /** One compute call at microversion 2.26; throws on an unexpected status. */
  async call<T = unknown>(method: string, path: string, body?: unknown, expect: number[] = [200, 201, 202, 204]): Promise<T> {
    const res = await fetch(`${this.cloud}/v2.1/${this.projectId}${path}`, {
      method,
      headers: {
        'X-Auth-Token': this.token,
        'X-OpenStack-Nova-API-Version': '2.26',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!expect.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async server(id: string): Promise<CloudServer | null> {
    try {
      return (await this.call<{ server: CloudServer }>('GET', `/servers/${id}`)).server;
    } catch (error) {
      if (String(error).includes(': 404 ')) return null;
      throw error;
    }
  }

  /** Polls until `done` holds (or throws after `timeoutMs`). */
  async waitForServer(id: string, done: (server: CloudServer | null) => boolean, timeoutMs = 20_000): Promise<CloudServer | null> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const server = await this.server(id);
      if (done(server)) return server;
      if (Date.now() > until) throw new Error(`server ${id} did not reach the expected state: ${JSON.stringify(server)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async networkId(): Promise<string> {
    const { networks } = await this.call<{ networks: { id: string }[] }>('GET', '/os-networks');
    return networks[0].id;
  }

  async imageId(name: string): Promise<string> {
    const { images } = await this.call<{ images: { id: string; name: string }[] }>('GET', '/images/detail');
    const image = images.find((i) => i.name === name);
    if (!image) throw new Error(`no image named ${name}`);
    return image.id;
  }

  /** Boots a server and waits until it is ACTIVE. */
  async bootServer(options: {
    name: string;
    flavorRef: string;
    imageRef: string;
    keyName?: string;
    availabilityZone?: string;
    metadata?: Record<string, string>;
  }): Promise<{ server: CloudServer; adminPass?: string }> {
    const created = await this.call<{ server: { id: string; adminPass?: string } }>('POST', '/servers', {
      server: {
        name: options.name,
        flavorRef: options.flavorRef,
        imageRef: options.imageRef,
        networks: [{ uuid: await this.networkId() }],
        ...(options.keyName ? { key_name: options.keyName } : {}),
        ...(options.availabilityZone ? { availability_zone: options.availabilityZone } : {}),
        ...(options.metadata ? { metadata: options.metadata } : {}),
      },
    });
    const server = await this.waitForServer(created.server.id, (s) => s?.status === 'ACTIVE' && !s['OS-EXT-STS:task_state']);
    return { server: server!, adminPass: created.server.adminPass };
  }

  /** Deletes a server (unlocking it first) and waits until it is gone; fine if already gone. */
  async deleteServer(id: string): Promise<void> {
    const server = await this.server(id);
    if (!server) return;
    if (server.locked) await this.call('POST', `/servers/${id}/action`, { unlock: null }).catch(() => undefined);
    await this.call('DELETE', `/servers/${id}`, undefined, [204, 404]).catch(() => undefined);
    await this.waitForServer(id, (s) => s === null || s.status === 'DELETED');
  }
}

export const uniqueName = (prefix: string) => `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
