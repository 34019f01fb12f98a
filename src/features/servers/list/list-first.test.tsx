import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { cloudRoutes, PROJECT_ID } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const compute = (path: string) => `/api/compute/v2.1/${PROJECT_ID}${path}`;
const LIST = compute('/servers/detail');
const FLAVORS = compute('/flavors/detail');
const IMAGES = `/api/compute/v2/${PROJECT_ID}/images`;
const ZONES = compute('/os-availability-zone');

const server = {
  id: 's1',
  name: 'web-1',
  status: 'ACTIVE',
  'OS-EXT-STS:vm_state': 'active',
  'OS-EXT-STS:task_state': null,
  tenant_id: PROJECT_ID,
  metadata: {},
  image: { id: 'img-1' },
  flavor: { id: 's3.medium.2' },
  created: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  addresses: {},
};

describe('the servers list asks for its rows first', () => {
  it('sends the list alone; names that decorate the rows come after, and the rows do not wait for them', async () => {
    let releaseList: () => void = () => {};
    const listAnswered = new Promise<void>((resolve) => (releaseList = resolve));
    let releaseFlavors: () => void = () => {};
    const flavorsAnswered = new Promise<void>((resolve) => (releaseFlavors = resolve));
    http = mockHttp(
      cloudRoutes({
        [`GET ${LIST}`]: async () => {
          await listAnswered;
          return { body: { servers: [server] } };
        },
        [`GET ${FLAVORS}`]: async () => {
          await flavorsAnswered;
          return { body: { flavors: [{ id: 's3.medium.2', name: 's3.medium.2', vcpus: 1, ram: 2048, disk: 40, links: [] }] } };
        },
        [`GET ${IMAGES}`]: { body: { images: [{ id: 'img-1', name: 'Ubuntu 22.04', links: [] }] } },
        [`GET ${ZONES}`]: { body: { availabilityZoneInfo: [] } },
      }),
    );
    renderApp({ route: '/servers' });
    const table = await screen.findByRole('table', { name: 'Servers' });
    await waitFor(() => expect(http?.to(LIST)).toHaveLength(1));
    // while the list is on its way, it is the only call of the view
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (const url of [FLAVORS, IMAGES, ZONES]) expect(http.to(url), url).toHaveLength(0);
    releaseList();
    const row = (await within(table).findByRole('link', { name: 'web-1' })).closest('tr')!;
    // the row is there while the flavors are still on their way: it shows the flavor's id
    expect(within(row).getByText('s3.medium.2')).toBeInTheDocument();
    await waitFor(() => expect(within(row).getByText('Ubuntu 22.04')).toBeInTheDocument());
    releaseFlavors();
    await waitFor(() => expect(within(row).getByText('1 vCPU · 2 GB')).toBeInTheDocument());
    // each call of the view once
    for (const url of [LIST, FLAVORS, IMAGES, ZONES]) expect(http.to(url), url).toHaveLength(1);
  });
});
