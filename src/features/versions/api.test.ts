import { afterEach, describe, expect, it } from 'vitest';
import { cloudRoutes, versions } from '../../test/fixtures';
import { mockHttp } from '../../test/http-mock';
import { discoverCompute, discoveryFromSession } from './api';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

describe('compute endpoint discovery', () => {
  it('discovers the endpoint from GET / and GET /v2.1/', async () => {
    http = mockHttp(cloudRoutes());
    const found = await discoverCompute();
    expect(found).toMatchObject({ microversion: '2.26', legacyAvailable: true, incompatible: false });
    expect(http.to('/api/compute/v2.1/')).toHaveLength(1);
  });

  it('works with an endpoint that only has v2.1 at a low microversion', async () => {
    http = mockHttp(
      cloudRoutes({
        'GET /api/compute/': { body: { versions: [{ ...versions.versions[1], version: '2.15' }] } },
        'GET /api/compute/v2.1/': { body: { version: { ...versions.versions[1], version: '2.15' } } },
      }),
    );
    const found = await discoverCompute();
    expect(found).toMatchObject({ microversion: '2.15', legacyAvailable: false });
  });

  it('marks an endpoint whose minimum microversion is above the console as incompatible', async () => {
    const v21 = { ...versions.versions[1], min_version: '2.60', version: '2.90' };
    http = mockHttp(
      cloudRoutes({
        'GET /api/compute/': { body: { versions: [v21] } },
        'GET /api/compute/v2.1/': { body: { version: v21 } },
      }),
    );
    expect(await discoverCompute()).toMatchObject({ microversion: null, incompatible: true, legacyAvailable: false });
  });

  it('accepts 300 Multiple Choices for the version list', async () => {
    http = mockHttp(cloudRoutes({ 'GET /api/compute/': { status: 300, body: versions } }));
    expect(await discoverCompute()).toMatchObject({ microversion: '2.26' });
  });
});

describe('discovery handed over with the session', () => {
  it('negotiates from the documents the gateway discovered, as from the live ones', () => {
    const found = discoveryFromSession({ versions: versions.versions, current: versions.versions[1], fetchedAt: '2026-01-01T00:00:00Z' });
    expect(found).toMatchObject({ microversion: '2.26', legacyAvailable: true, incompatible: false, current: { id: 'v2.1' } });
  });

  it('gives null (the page discovers for itself) when the gateway had nothing usable', () => {
    expect(discoveryFromSession(null)).toBeNull();
    expect(discoveryFromSession({ versions: 'no' })).toBeNull();
    // v2.1 listed but its document missing: not enough to negotiate.
    expect(discoveryFromSession({ versions: versions.versions, current: null })).toBeNull();
  });

  it('an endpoint without v2.1 speaks the legacy API', () => {
    expect(discoveryFromSession({ versions: [versions.versions[0]], current: null })).toMatchObject({ microversion: null, legacyAvailable: true });
  });
});
