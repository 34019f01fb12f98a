import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mockHttp } from '../test/http-mock';
import { computeRequest, encodePath } from './compute';
import { compareMicroversions, negotiateMicroversion, supportsFeature } from './microversion';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

describe('microversion negotiation', () => {
  it('compares numerically, not as text', () => {
    expect(compareMicroversions('2.9', '2.10')).toBeLessThan(0);
    expect(compareMicroversions('2.26', '2.26')).toBe(0);
    expect(compareMicroversions('2.104', '2.26')).toBeGreaterThan(0);
  });

  it('picks min(server max, client max)', () => {
    expect(negotiateMicroversion({ min: '2.1', max: '2.104' })).toBe('2.26');
    expect(negotiateMicroversion({ min: '2.1', max: '2.19' })).toBe('2.19');
    expect(negotiateMicroversion({ min: '2.1', max: '2.26' })).toBe('2.26');
  });

  it('speaks 2.1 to an endpoint without microversions', () => {
    expect(negotiateMicroversion({ min: '', max: '' })).toBe('2.1');
  });

  it('finds no common version when the server minimum is above the client', () => {
    expect(negotiateMicroversion({ min: '2.30', max: '2.90' })).toBeNull();
  });

  it('gates features on the negotiated version', () => {
    expect(supportsFeature('2.26', 'server-tags')).toBe(true);
    expect(supportsFeature('2.19', 'server-tags')).toBe(false);
    expect(supportsFeature('2.19', 'server-description')).toBe(true);
    expect(supportsFeature(null, 'keypair-type')).toBe(false);
  });

});

describe('compute requests', () => {
  const target = { projectId: 'p 1', microversion: '2.26', legacyAvailable: true };

  it('sends the microversion in both headers on v2.1 calls', async () => {
    http = mockHttp({ 'GET /api/compute/v2.1/p%201/servers/a%2Fb': { body: { server: {} } } });
    await computeRequest(target, { path: encodePath`/servers/${'a/b'}`, schema: z.object({ server: z.object({}) }) });
    const [request] = http.requests;
    expect(request?.headers['x-openstack-nova-api-version']).toBe('2.26');
    expect(request?.headers['openstack-api-version']).toBe('compute 2.26');
  });

  it('calls the proxy APIs on /v2 without a microversion', async () => {
    http = mockHttp({ 'GET /api/compute/v2/p%201/os-volumes': { body: { volumes: [] } } });
    await computeRequest(target, { path: '/os-volumes', api: 'proxy', schema: z.object({ volumes: z.array(z.unknown()) }) });
    const [request] = http.requests;
    expect(request?.headers['x-openstack-nova-api-version']).toBeUndefined();
    expect(request?.headers['openstack-api-version']).toBeUndefined();
  });

  it('caps the proxy APIs at 2.35 when the endpoint has no /v2', async () => {
    http = mockHttp({ 'GET /api/compute/v2.1/p/os-networks': { body: { networks: [] } } });
    await computeRequest(
      { projectId: 'p', microversion: '2.26', legacyAvailable: false },
      { path: '/os-networks', api: 'proxy', schema: z.object({ networks: z.array(z.unknown()) }) },
    );
    expect(http.requests[0]?.headers['x-openstack-nova-api-version']).toBe('2.26');
  });
});
