import { describe, expect, it } from 'vitest';
import { pickComputeEndpoint } from './compute-catalog.ts';
import { ConfigError } from './config-error.ts';
import { DEFAULT_UPSTREAM_TIMEOUT_MS, computeRootOf, iamV3Base, loadGatewayConfig } from './config.ts';

describe('endpoint normalisation', () => {
  it.each([
    ['http://127.0.0.1:5000', 'http://127.0.0.1:5000/v3'],
    ['http://127.0.0.1:5000/', 'http://127.0.0.1:5000/v3'],
    ['http://127.0.0.1:5000/v3', 'http://127.0.0.1:5000/v3'],
    ['https://iam.example.com/identity/v3/', 'https://iam.example.com/identity/v3'],
  ])('IAM %s → %s', (raw, expected) => {
    expect(iamV3Base(raw)).toBe(expected);
  });

  it.each([
    ['http://127.0.0.1:8774', 'http://127.0.0.1:8774'],
    ['http://127.0.0.1:8774/v2.1/9f0137a0e4f24212b74b5aa80f17054f', 'http://127.0.0.1:8774'],
    ['http://127.0.0.1:8774/v2/9f0137a0e4f24212b74b5aa80f17054f/', 'http://127.0.0.1:8774'],
    ['https://ecs.example.com/compute/v2.1', 'https://ecs.example.com/compute'],
    ['https://ecs.example.com/v2.1/$(tenant_id)s', 'https://ecs.example.com'],
  ])('compute %s → %s', (raw, expected) => {
    expect(computeRootOf(raw)).toBe(expected);
  });

  it('refuses non-http URLs and credentials in URLs', () => {
    expect(() => iamV3Base('file:///etc/passwd')).toThrow(ConfigError);
    expect(() => computeRootOf('http://user:pw@host/')).toThrow(ConfigError);
  });
});

describe('loadGatewayConfig', () => {
  it('needs IAM_ENDPOINT, also when ECS_ENDPOINT is set', () => {
    expect(() => loadGatewayConfig({})).toThrow(/IAM_ENDPOINT/);
    expect(() => loadGatewayConfig({ ECS_ENDPOINT: 'http://h:8774' })).toThrow(/IAM_ENDPOINT/);
  });

  it('reads every setting', () => {
    const config = loadGatewayConfig({
      IAM_ENDPOINT: 'http://iam:5000',
      ECS_ENDPOINT: 'http://nova:8774/v2.1/abc',
      ECS_REGION: 'r1',
      ECS_AUTH_TOKEN: ' tok ',
      SESSION_TTL: '3600',
      TRUST_PROXY: '10.0.0.0/8',
      SESSION_STORE: 'redis://127.0.0.1:6379/2',
      UPSTREAM_TIMEOUT_MS: '90000',
      ACCESS_LOG: '0',
    });
    expect(config).toMatchObject({
      iamV3: 'http://iam:5000/v3',
      computeRoot: 'http://nova:8774',
      region: 'r1',
      fixedToken: 'tok',
      sessionTtlSeconds: 3600,
      sessionStore: 'redis://127.0.0.1:6379/2',
      upstreamTimeoutMs: 90_000,
      accessLog: false,
      testHooks: false,
      maxBodyBytes: 1024 * 1024,
    });
    expect(config.trustProxy.entries).toEqual(['10.0.0.0/8']);
  });

  it('defaults: sessions in memory, no trusted proxy, access log on, a timeout sized for slow clouds', () => {
    const config = loadGatewayConfig({ IAM_ENDPOINT: 'http://iam' });
    expect(config).toMatchObject({ sessionStore: null, accessLog: true, upstreamTimeoutMs: DEFAULT_UPSTREAM_TIMEOUT_MS });
    expect(DEFAULT_UPSTREAM_TIMEOUT_MS).toBeGreaterThanOrEqual(120_000);
    expect(config.trustProxy.enabled).toBe(false);
  });

  it('refuses a SESSION_STORE that is not Redis, without echoing it (it may hold a password)', () => {
    expect(() => loadGatewayConfig({ IAM_ENDPOINT: 'http://iam', SESSION_STORE: 'http://h:6379' })).toThrow(/redis:\/\//);
    expect(() => loadGatewayConfig({ IAM_ENDPOINT: 'http://iam', SESSION_STORE: 'not a url :secret@' })).toThrow(ConfigError);
    expect(() => loadGatewayConfig({ IAM_ENDPOINT: 'http://iam', SESSION_STORE: 'not a url :secret@' })).not.toThrow(/secret/);
    expect(loadGatewayConfig({ IAM_ENDPOINT: 'http://iam', SESSION_STORE: 'memory' }).sessionStore).toBeNull();
  });

  it('refuses a TRUST_PROXY entry that is not an address or subnet', () => {
    expect(() => loadGatewayConfig({ IAM_ENDPOINT: 'http://iam', TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(() => loadGatewayConfig({ IAM_ENDPOINT: 'http://iam', TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY/);
  });

  it('refuses a malformed number', () => {
    expect(() => loadGatewayConfig({ IAM_ENDPOINT: 'http://iam', SESSION_TTL: '1h' })).toThrow(/SESSION_TTL/);
  });
});

describe('pickComputeEndpoint', () => {
  const catalog = [
    { type: 'identity', endpoints: [{ interface: 'public', region_id: 'r1', url: 'http://iam/v3' }] },
    {
      type: 'compute',
      endpoints: [
        { interface: 'admin', region_id: 'r1', url: 'http://admin-nova/v2.1/p' },
        { interface: 'public', region_id: 'r1', url: 'http://nova-r1/v2.1/p' },
        { interface: 'public', region: 'r2', url: 'http://nova-r2/v2.1/p' },
      ],
    },
  ];

  it('takes the public interface, of the configured region', () => {
    expect(pickComputeEndpoint(catalog, null)).toEqual({ root: 'http://nova-r1', region: 'r1' });
    expect(pickComputeEndpoint(catalog, 'r2')).toEqual({ root: 'http://nova-r2', region: 'r2' });
    expect(pickComputeEndpoint(catalog, 'r3')).toBeNull();
    expect(pickComputeEndpoint([], null)).toBeNull();
  });
});
