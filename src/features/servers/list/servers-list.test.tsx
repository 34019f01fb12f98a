import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, PROJECT_ID } from '../../../test/fixtures';
import { mockHttp, type RecordedRequest } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const compute = (path: string) => `/api/compute/v2.1/${PROJECT_ID}${path}`;

const server = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  status: 'ACTIVE',
  'OS-EXT-STS:vm_state': 'active',
  'OS-EXT-STS:task_state': null,
  locked: false,
  tenant_id: PROJECT_ID,
  metadata: {},
  image: { id: 'img-1' },
  flavor: { id: 's3.medium.2' },
  created: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  addresses: { 'subnet-alpha': [{ addr: '192.168.10.5', version: 4, 'OS-EXT-IPS:type': 'fixed' }] },
  'OS-EXT-AZ:availability_zone': 'az-1',
  key_name: null,
  tags: [],
  ...extra,
});

/** The catalog the list names things with. */
const lookups = {
  [`GET ${compute('/flavors/detail')}`]: {
    body: { flavors: [{ id: 's3.medium.2', name: 's3.medium.2', vcpus: 1, ram: 2048, disk: 40, links: [] }] },
  },
  [`GET /api/compute/v2/${PROJECT_ID}/images`]: { body: { images: [{ id: 'img-1', name: 'Ubuntu 22.04', links: [] }] } },
  [`GET ${compute('/os-availability-zone')}`]: {
    body: { availabilityZoneInfo: [{ zoneName: 'az-1', zoneState: { available: true }, hosts: null }] },
  },
};

const listRequests = () => http?.to(compute('/servers/detail')) ?? [];
const lastList = (): RecordedRequest | undefined => listRequests().at(-1);

describe('servers list: filters, sort and page between the URL and the API', () => {
  it('sends what the URL says to List Servers Detail', { timeout: 60_000 }, async () => {
    http = mockHttp(
      cloudRoutes({ ...lookups, [`GET ${compute('/servers/detail')}`]: { body: { servers: [server('s1', 'web-1')] } } }),
    );
    renderApp({ route: '/servers?name=web&status=ACTIVE&az=az-1&tags=a,b&notTagsAny=x&sort=display_name&dir=asc&limit=50&after=m1,m2' });
    const table = await screen.findByRole('table', { name: 'Servers' });
    expect(await within(table).findByRole('link', { name: 'web-1' })).toHaveAttribute('href', '/servers/s1');
    expect(listRequests()[0].params).toEqual({
      name: 'web',
      status: 'ACTIVE',
      availability_zone: 'az-1',
      tags: 'a,b',
      'not-tags-any': 'x',
      sort_key: 'display_name',
      sort_dir: 'asc',
      limit: 50,
      marker: 'm2',
    });
    // the flavor column reads the flavors API (once the rows are there: list-first.test.tsx)
    expect(await within(table).findByText('1 vCPU · 2 GB')).toBeInTheDocument();
    expect(await within(table).findByText('Ubuntu 22.04')).toBeInTheDocument();
    expect(screen.getByText('Page 3 · 1 servers')).toBeInTheDocument();
  });

  it('writes filters and pages into the URL, and pages with the next link’s marker', { timeout: 90_000 }, async () => {
    http = mockHttp(
      cloudRoutes({
        ...lookups,
        [`GET ${compute('/servers/detail')}`]: (request) => {
          const marker = request.params?.marker;
          if (marker === 's2') return { body: { servers: [server('s3', 'web-3')] } };
          return {
            body: {
              servers: [server('s1', 'web-1'), server('s2', 'web-2')],
              servers_links: [{ rel: 'next', href: `http://cloud.test/v2.1/${PROJECT_ID}/servers/detail?limit=20&marker=s2` }],
            },
          };
        },
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ route: '/servers' });
    await screen.findByRole('link', { name: 'web-1' });
    expect(listRequests()[0].params).toEqual({ limit: 20 });

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('link', { name: 'web-3' });
    expect(router.state.location.search).toBe('?after=s2');
    expect(lastList()?.params).toEqual({ limit: 20, marker: 's2' });
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Previous' }));
    await screen.findByRole('link', { name: 'web-1' });
    expect(router.state.location.search).toBe('');

    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'web-2{Enter}');
    await waitFor(() => expect(router.state.location.search).toBe('?name=web-2'));
    await waitFor(() => expect(lastList()?.params).toEqual({ limit: 20, name: 'web-2' }));

    await user.click(within(screen.getByRole('table', { name: 'Servers' })).getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(router.state.location.search).toBe('?name=web-2&sort=display_name&dir=asc'));
    await waitFor(() => expect(lastList()?.params).toMatchObject({ sort_key: 'display_name', sort_dir: 'asc' }));
  });
});

describe('bulk actions', () => {
  it('runs on the eligible servers, lists each outcome with the API’s message, and retries the failed one', { timeout: 90_000 }, async () => {
    let lockedAnswer = true;
    http = mockHttp(
      cloudRoutes({
        ...lookups,
        [`GET ${compute('/servers/detail')}`]: {
          body: {
            servers: [
              server('s1', 'web-1'),
              server('s2', 'web-2'),
              server('s3', 'web-3', { status: 'SHUTOFF', 'OS-EXT-STS:vm_state': 'stopped' }),
              server('s4', 'web-4', { locked: true }),
            ],
          },
        },
        [`POST ${compute('/servers/s1/action')}`]: { status: 202 },
        [`POST ${compute('/servers/s2/action')}`]: () =>
          lockedAnswer
            ? {
                status: 409,
                body: { conflictingRequest: { code: 409, message: 'Instance s2 is locked' } },
                headers: { 'x-openstack-request-id': 'req-s2' },
              }
            : { status: 202 },
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/servers' });
    await screen.findByRole('link', { name: 'web-1' });
    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Actions on the selected servers' });
    await user.click(within(toolbar).getByRole('button', { name: 'Reboot' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reboot' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('2 of 4: 1 skipped, wrong state; 1 skipped, locked')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Reboot' }));

    const results = await screen.findByRole('region', { name: 'Outcome of the bulk action' });
    expect(await within(results).findByText('1 accepted, 1 failed')).toBeInTheDocument();
    expect(within(results).getByText('Instance s2 is locked')).toBeInTheDocument();
    expect(within(results).getByText('req-s2')).toBeInTheDocument();
    expect(http.to(compute('/servers/s1/action'))[0].body).toEqual({ reboot: { type: 'SOFT' } });
    expect(http.to(compute('/servers/s3/action'))).toHaveLength(0);
    expect(http.to(compute('/servers/s4/action'))).toHaveLength(0);

    lockedAnswer = false;
    await user.click(within(results).getByRole('button', { name: 'Retry the failed one' }));
    expect(await within(results).findByText('2 accepted, 0 failed')).toBeInTheDocument();
    expect(http.to(compute('/servers/s2/action'))).toHaveLength(2);
  });
});

describe('servers list: one rule for disruptive and destructive operations', () => {
  const routes = () =>
    cloudRoutes({
      ...lookups,
      [`GET ${compute('/servers/detail')}`]: { body: { servers: [server('s1', 'web-1'), server('s2', 'web-2')] } },
      [`POST ${compute('/servers/s1/action')}`]: { status: 202 },
      [`DELETE ${compute('/servers/s1')}`]: { status: 204 },
      [`DELETE ${compute('/servers/s2')}`]: { status: 204 },
    });

  it("a row's Reboot asks first, naming the server; Lock runs at once", { timeout: 60_000 }, async () => {
    http = mockHttp(routes());
    const user = userEvent.setup();
    renderApp({ route: '/servers' });
    await screen.findByRole('link', { name: 'web-1' });
    await user.click(screen.getByRole('button', { name: 'Actions for web-1' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reboot' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reboot web-1?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(http.to(compute('/servers/s1/action'))).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Actions for web-1' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Reboot' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Reboot web-1?' })).getByRole('button', { name: 'Reboot' }));
    await waitFor(() => expect(http?.to(compute('/servers/s1/action'))).toHaveLength(1));
    expect(http.to(compute('/servers/s1/action'))[0].body).toEqual({ reboot: { type: 'SOFT' } });

    await user.click(screen.getByRole('button', { name: 'Actions for web-1' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Lock' }));
    await waitFor(() => expect(http?.to(compute('/servers/s1/action'))).toHaveLength(2));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('deleting two selected servers asks to type how many, as deleting one asks for its name', { timeout: 60_000 }, async () => {
    http = mockHttp(routes());
    const user = userEvent.setup();
    renderApp({ route: '/servers' });
    await screen.findByRole('link', { name: 'web-1' });
    await user.click(screen.getByRole('checkbox', { name: 'Select all rows' }));
    const toolbar = screen.getByRole('toolbar', { name: 'Actions on the selected servers' });
    await user.click(within(toolbar).getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete: 2 servers' });
    expect(within(dialog).getByRole('list', { name: 'Servers' })).toHaveTextContent('web-1web-2');
    const submit = within(dialog).getByRole('button', { name: 'Delete' });
    expect(submit).toBeDisabled();
    await user.type(within(dialog).getByRole('textbox', { name: 'Type 2 to confirm' }), '2');
    expect(submit).toBeEnabled();
    await user.click(submit);
    await waitFor(() => expect(http?.to(compute('/servers/s2'), 'DELETE')).toHaveLength(1));
    expect(http.to(compute('/servers/s1'), 'DELETE')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Actions for web-1' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const one = await screen.findByRole('dialog', { name: 'Delete server web-1?' });
    expect(within(one).getByRole('textbox', { name: 'Type web-1 to confirm' })).toBeInTheDocument();
  });
});

describe('servers list: the navigation link of the list', () => {
  it("keeps the filters and what is being typed when the list's own link is clicked", { timeout: 60_000 }, async () => {
    http = mockHttp(cloudRoutes({ ...lookups, [`GET ${compute('/servers/detail')}`]: { body: { servers: [server('s1', 'web-1')] } } }));
    const user = userEvent.setup();
    const { router } = renderApp({ route: '/servers?name=web' });
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect(name).toHaveValue('web');
    await user.type(name, '-1');
    const nav = screen.getByRole('navigation', { name: 'Main navigation' });
    await user.click(within(nav).getByRole('link', { name: 'Servers' }));
    expect(name).toHaveValue('web-1');
    await waitFor(() => expect(router.state.location.search).toBe('?name=web-1'));
  });
});
