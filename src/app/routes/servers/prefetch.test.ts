import { afterEach, describe, expect, it } from 'vitest';
import { cloudRoutes, PROJECT_ID, session, versions } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { createTestQueryClient } from '../../../test/render';
import { prefetchServers } from './prefetch';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const LIST = `/api/compute/v2.1/${PROJECT_ID}/servers/detail`;
// the version documents the gateway hands over with the session
const compute = { versions: versions.versions, current: versions.versions[1] };

function load(path: string, isAdmin = false, withVersions = true) {
  http = mockHttp(
    cloudRoutes({
      'GET /auth/session': { body: { ...session, isAdmin, compute: withVersions ? compute : null } },
      [`GET ${LIST}`]: { body: { servers: [] } },
      [`GET /api/compute/v2.1/${PROJECT_ID}/servers/s1`]: { status: 404, body: { itemNotFound: { code: 404, message: 'gone' } } },
    }),
  );
  const url = new URL(path, 'http://console.test');
  const splat = url.pathname.replace(/^\/servers\/?/, '');
  return prefetchServers(createTestQueryClient(), { request: new Request(url), params: { '*': splat }, context: undefined } as never);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('the servers area starts its read while its code loads', () => {
  it('asks the list as the URL says, as soon as the session is known', async () => {
    await load('/servers?name=web&sort=display_name&dir=asc');
    await settle();
    expect(http!.to(LIST).map((r) => r.params)).toEqual([{ limit: 20, name: 'web', sort_key: 'display_name', sort_dir: 'asc' }]);
  });

  it('asks every project only for an administrator', async () => {
    await load('/servers?all=1', true);
    await settle();
    expect(http!.to(LIST)[0].params).toEqual({ limit: 20, all_tenants: 1 });
    await load('/servers?all=1', false);
    await settle();
    expect(http!.to(LIST)[0].params).toEqual({ limit: 20 });
  });

  it('asks the server of a detail page, nothing for the wizard', async () => {
    await load('/servers/s1/network');
    await settle();
    expect(http!.to(`/api/compute/v2.1/${PROJECT_ID}/servers/s1`)).toHaveLength(1);
    await load('/servers/create');
    await settle();
    expect(http!.requests.filter((r) => r.url.startsWith('/api/compute/v2'))).toEqual([]);
  });

  it('leaves it to the page when the session came without the versions', async () => {
    await load('/servers', false, false);
    await settle();
    expect(http!.to(LIST)).toEqual([]);
  });
});
