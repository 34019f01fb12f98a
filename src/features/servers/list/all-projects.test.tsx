import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, PROJECT_ID, session } from '../../../test/fixtures';
import { mockHttp, type RecordedRequest } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const compute = (path: string) => `/api/compute/v2.1/${PROJECT_ID}${path}`;

const server = (id: string, name: string, tenant: string) => ({
  id,
  name,
  status: 'ACTIVE',
  'OS-EXT-STS:vm_state': 'active',
  'OS-EXT-STS:task_state': null,
  tenant_id: tenant,
  metadata: {},
  image: { id: 'img-1' },
  flavor: { id: 'f1' },
  created: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  addresses: {},
});

function routes(isAdmin: boolean) {
  return cloudRoutes({
    'GET /auth/session': { body: { ...session, isAdmin, roles: isAdmin ? ['admin'] : ['member'] } },
    [`GET ${compute('/flavors/detail')}`]: { body: { flavors: [] } },
    [`GET /api/compute/v2/${PROJECT_ID}/images`]: { body: { images: [] } },
    [`GET ${compute('/os-availability-zone')}`]: { body: { availabilityZoneInfo: [] } },
    [`GET ${compute('/servers/detail')}`]: (request: RecordedRequest) => {
      if (!request.params?.all_tenants) return { body: { servers: [server('s1', 'mine', PROJECT_ID)] } };
      const all = [server('s1', 'mine', PROJECT_ID), server('s2', 'theirs', 'p-beta'), server('s3', 'stranger', 'p-zeta')];
      const project = request.params.project_id;
      return { body: { servers: all.filter((s) => !project || s.tenant_id === project) } };
    },
  });
}

const lists = () => http?.to(compute('/servers/detail')).filter((r) => !r.params?.['changes-since']) ?? [];

describe('servers of every project, for administrators', () => {
  it('lists every project’s servers with a project column, and filters on one project', async () => {
    http = mockHttp(routes(true));
    const user = userEvent.setup();
    const { router } = renderApp({ route: '/servers' });
    const table = await screen.findByRole('table', { name: 'Servers' });
    await within(table).findByRole('link', { name: 'mine' });
    expect(within(table).queryByRole('columnheader', { name: 'Project' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'All projects' }));
    await within(table).findByRole('link', { name: 'theirs' });
    expect(router.state.location.search).toBe('?all=1');
    expect(lists().at(-1)?.params).toEqual({ limit: 20, all_tenants: 1 });
    expect(within(table).getByRole('columnheader', { name: 'Project' })).toBeInTheDocument();
    // the name when the session's projects know it, else the id
    const row = (name: string) => within(table).getByRole('link', { name }).closest('tr')!;
    expect(within(row('theirs')).getByText('beta')).toBeInTheDocument();
    expect(within(row('stranger')).getByText('p-zeta')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Project' }));
    await user.click(await screen.findByRole('option', { name: 'p-zeta' }));
    await waitFor(() => expect(router.state.location.search).toBe('?project=p-zeta&all=1'));
    await waitFor(() => expect(within(table).queryByRole('link', { name: 'theirs' })).not.toBeInTheDocument());
    expect(lists().at(-1)?.params).toEqual({ limit: 20, all_tenants: 1, project_id: 'p-zeta' });

    // back to the project's own list: its own cache key, nothing of the other view in it
    await user.click(screen.getByRole('radio', { name: 'Project alpha' }));
    await within(table).findByRole('link', { name: 'mine' });
    expect(router.state.location.search).toBe('');
    expect(within(table).queryByRole('link', { name: 'stranger' })).not.toBeInTheDocument();
    expect(within(table).queryByRole('link', { name: 'theirs' })).not.toBeInTheDocument();
    expect(within(table).queryByRole('columnheader', { name: 'Project' })).not.toBeInTheDocument();
  });

  it('never asks all_tenants for a member, whatever the URL says', async () => {
    http = mockHttp(routes(false));
    renderApp({ route: '/servers?all=1&project=p-beta' });
    const table = await screen.findByRole('table', { name: 'Servers' });
    await within(table).findByRole('link', { name: 'mine' });
    expect(lists().every((r) => r.params?.all_tenants === undefined && r.params?.project_id === undefined)).toBe(true);
    expect(screen.queryByRole('radio', { name: 'All projects' })).not.toBeInTheDocument();
  });
});
