// Runs the gateway on a free port in front of a FakeUpstream, and sends it raw HTTP
// requests (node:http, so paths such as `/api/compute/../x` reach the gateway unnormalised
// and headers such as Host and Origin can be set freely).
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadGatewayConfig, type GatewayConfig } from '../config.ts';
import { createGateway, type Gateway, type GatewayOptions } from '../gateway.ts';
import { FakeUpstream } from './fake-upstream.ts';

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as it came on the wire (still encoded when Content-Encoding says so). */
  body: Buffer;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect arbitrary JSON
  json: any;
  cookie: string | undefined;
}

export interface CallOptions {
  headers?: Record<string, string>;
  body?: unknown;
  cookie?: string;
  /** Leave out the X-Requested-With header the SPA always sends. */
  noCsrfHeader?: boolean;
}

export class GatewayUnderTest {
  upstream!: FakeUpstream;
  gateway!: Gateway;
  config!: GatewayConfig;
  private server!: Server;
  port = 0;
  clock: { now: number | null } = { now: null };
  private ownsUpstream = true;
  private options: GatewayOptions = {};

  /** Gateway options for this test (a session store of the test's own, ...). */
  using(options: GatewayOptions): this {
    this.options = options;
    return this;
  }

  /** Another replica in front of the same upstream (the caller stops the upstream). */
  sharing(upstream: FakeUpstream): this {
    this.upstream = upstream;
    this.ownsUpstream = false;
    return this;
  }

  async start(env: Record<string, string> = {}, configure?: (upstreamBase: string) => Record<string, string>) {
    if (this.ownsUpstream) this.upstream = await new FakeUpstream().start();
    // The access log is off in tests unless a test asks for it (ACCESS_LOG: '1').
    this.config = loadGatewayConfig({ IAM_ENDPOINT: this.upstream.base, ACCESS_LOG: '0', ...env, ...configure?.(this.upstream.base) });
    this.gateway = createGateway(this.config, {
      now: () => this.clock.now ?? Date.now(),
      logError: () => undefined,
      ...this.options,
    });
    this.server = createServer((req, res) =>
      this.gateway.handle(req, res, () => {
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('spa');
      }),
    );
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.gateway.close();
    if (this.ownsUpstream) await this.upstream.stop();
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  call(method: string, path: string, options: CallOptions = {}): Promise<Answer> {
    const payload =
      options.body === undefined ? undefined : typeof options.body === 'string' || Buffer.isBuffer(options.body) ? options.body : JSON.stringify(options.body);
    const headers: Record<string, string> = {};
    if (!options.noCsrfHeader) headers['X-Requested-With'] = 'ecs-console';
    if (payload !== undefined) headers['Content-Type'] = 'application/json';
    if (options.cookie) headers.Cookie = options.cookie;
    Object.assign(headers, options.headers);
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.port, method, path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {
            json = undefined;
          }
          const setCookie = res.headers['set-cookie'];
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json, cookie: setCookie?.[0] });
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** Asks the session probe whether `cookie` is signed in (a signed-out answer is a 200). */
  async signedIn(cookie?: string): Promise<boolean> {
    const answer = await this.call('GET', '/auth/session', { cookie });
    if (answer.status !== 200) throw new Error(`session probe answered ${answer.status} ${answer.text}`);
    return answer.json.authenticated;
  }

  /**
   * Logs in and returns the `ecs_sid=...` pair to send back as Cookie. The upstream's record
   * starts afresh, so a test sees only the calls its own requests caused.
   */
  async login(username = 'alice', password = 'alice-pw', project?: string): Promise<string> {
    const answer = await this.call('POST', '/auth/login', { body: { username, password, domain: 'Default', project } });
    if (answer.status !== 200 || !answer.cookie) throw new Error(`login failed: ${answer.status} ${answer.text}`);
    this.upstream.requests.length = 0;
    return answer.cookie.split(';')[0];
  }
}
