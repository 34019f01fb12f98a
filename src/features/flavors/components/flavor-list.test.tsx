import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, PROJECT_ID, session } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const compute = (path: string) => `/api/compute/v2.1/${PROJECT_ID}${path}`;
const flavor = (id: string, ram: number, disk: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: id,
  ram,
  disk,
  vcpus: 2,
  swap: '',
  'OS-FLV-EXT-DATA:ephemeral': 0,
  'OS-FLV-DISABLED:disabled': false,
  'os-flavor-access:is_public': true,
  rxtx_factor: 1.0,
  links: [],
  ...extra,
});

describe('flavors page', () => {
  it('sends the filters and the sort key to the API and keeps them in the URL', async () => {
    http = mockHttp(
      cloudRoutes({
        [`GET ${compute('/flavors/detail')}`]: { body: { flavors: [flavor('s3.large.2', 4096, 40), flavor('c6.large.2', 4096, 40)] } },
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ route: '/flavors?minRam=2048&sort=memory_mb&dir=desc' });
    const table = await screen.findByRole('table', { name: 'Flavors' });
    expect(await within(table).findByRole('link', { name: 's3.large.2' })).toBeInTheDocument();
    const [first] = http.to(compute('/flavors/detail'));
    expect(first.params).toMatchObject({ minRam: 2048, sort_key: 'memory_mb', sort_dir: 'desc', limit: 1000 });
    expect(first.params).not.toHaveProperty('is_public');
    // members get no visibility filter (spec 6.1: only admins choose)
    expect(screen.queryByLabelText('Visibility')).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Minimum disk (GB)'), '80');
    await waitFor(() => expect(router.state.location.search).toContain('minDisk=80'));
    await waitFor(() => expect(http?.to(compute('/flavors/detail')).at(-1)?.params).toMatchObject({ minDisk: 80, minRam: 2048 }));
    // RAM is asked in GB, as the table shows it; the API takes MB
    const ram = screen.getByLabelText('Minimum RAM (GB)');
    expect(ram).toHaveValue('2');
    await user.clear(ram);
    await user.type(ram, '8');
    await waitFor(() => expect(router.state.location.search).toContain('minRam=8192'));
  });

  it('lets an admin choose private flavors', async () => {
    http = mockHttp(
      cloudRoutes({
        'GET /auth/session': { body: { ...session, isAdmin: true, roles: ['admin'] } },
        [`GET ${compute('/flavors/detail')}`]: { body: { flavors: [flavor('p2s.2xlarge.8', 65536, 100, { 'os-flavor-access:is_public': false })] } },
      }),
    );
    renderApp({ route: '/flavors?is_public=false' });
    expect(await screen.findByText('Private', { selector: 'span' })).toBeInTheDocument();
    expect(http.to(compute('/flavors/detail'))[0].params).toMatchObject({ is_public: 'false' });
  });

  it('opens a flavor in a drawer with its extra specs and a launch link', async () => {
    http = mockHttp(
      cloudRoutes({
        [`GET ${compute('/flavors/detail')}`]: { body: { flavors: [flavor('s3.large.2', 4096, 40)] } },
        [`GET ${compute('/flavors/s3.large.2')}`]: { body: { flavor: flavor('s3.large.2', 4096, 40) } },
        [`GET ${compute('/flavors/s3.large.2/os-extra_specs')}`]: { body: { extra_specs: { 'ecs:generation': 's3' } } },
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ route: '/flavors' });
    await user.click(await screen.findByRole('link', { name: 's3.large.2' }));
    expect(router.state.location.pathname).toBe('/flavors/s3.large.2');
    const specs = await screen.findByRole('table', { name: 'Extra specs' });
    expect(within(specs).getByText('ecs:generation')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Launch a server with this flavor' })).toHaveAttribute(
      'href',
      '/servers/create?flavor=s3.large.2',
    );
  });
});
