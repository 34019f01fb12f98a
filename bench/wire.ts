import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadGatewayConfig } from '../server/gateway/config.ts';
import { createGateway } from '../server/gateway/gateway.ts';
import type { CloudProcess, Session } from './cloud-process.ts';

/**
 * Bytes on the wire of a list of 20 and of 1,000 servers (servers/detail at 2.26), plain,
 * gzip and brotli, as the cloud sends them and as the console's gateway passes them to the
 * browser (a gateway in this process in front of the cloud, signed in as the member).
 */

export interface WireRow {
  list: string;
  encoding: string;
  cloudBytes: number;
  gatewayBytes: number;
  /** What the gateway sent was the cloud's body, byte for byte. */
  same: boolean;
}

const ENCODINGS = [
  ['plain', 'identity'],
  ['gzip', 'gzip'],
  ['br', 'br'],
  ['browser', 'gzip, deflate, br, zstd'],
] as const;

/** One GET, the body as it came (still encoded). */
function raw(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

export async function wireBytes(cloud: CloudProcess, session: Session): Promise<WireRow[]> {
  const gateway = createGateway(loadGatewayConfig({ IAM_ENDPOINT: `${cloud.address}/v3`, ACCESS_LOG: '0' }), { logError: () => undefined });
  const server = createServer((req, res) => gateway.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const login = await fetch(`${origin}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'ecs-console', origin },
      body: JSON.stringify({ username: 'alice', password: 'alice', domain: 'Default', project: 'alpha' }),
    });
    if (login.status !== 200) throw new Error(`gateway login answered ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const rows: WireRow[] = [];
    for (const limit of [20, 1000]) {
      const path = `/v2.1/${session.projectId}/servers/detail?limit=${limit}`;
      for (const [name, accept] of ENCODINGS) {
        const headers = { 'x-openstack-nova-api-version': '2.26', 'accept-encoding': accept };
        const direct = await raw(`${cloud.address}${path}`, { ...headers, 'x-auth-token': session.token });
        const viaGateway = await raw(`${origin}/api/compute${path}`, { ...headers, cookie });
        if (direct.status !== 200 || viaGateway.status !== 200) throw new Error(`wire: ${direct.status} / ${viaGateway.status}`);
        rows.push({
          list: `${limit.toLocaleString('en')} servers`,
          encoding: `${name}${direct.headers['content-encoding'] ? ` → ${direct.headers['content-encoding']}` : ''}`,
          cloudBytes: direct.body.length,
          gatewayBytes: viaGateway.body.length,
          same: direct.body.equals(viaGateway.body),
        });
      }
    }
    return rows;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await gateway.close();
  }
}
