import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { KeypairCreation, WizardCatalog } from './wizard-types';
import { ComputeContext } from '../../../lib/compute';
import { mockHttp } from '../../../test/http-mock';
import { renderWithProviders } from '../../../test/render';
import { CreateServerWizard } from './create-server-wizard';

const catalog: WizardCatalog = {
  zones: ['az-1'],
  images: [{ id: 'img-1', name: 'Ubuntu 22.04 server 64bit', status: 'ACTIVE', minDisk: 40, minRam: 0 }],
  flavors: [
    { id: 'big', name: 'c6.large.2', vcpus: 2, ram: 4096, disk: 40 },
    { id: 'small', name: 's3.medium.2', vcpus: 1, ram: 2048, disk: 40 },
  ],
  networks: [{ id: 'net-1', label: 'net-alpha', cidr: '192.168.10.0/24' }],
  securityGroups: [{ name: 'default' }],
  keypairs: [],
  serverGroups: [],
  limits: { maxTotalInstances: 10, totalInstancesUsed: 3, maxTotalCores: 20, totalCoresUsed: 7, maxTotalRAMSize: 51200, totalRAMUsed: 12288 },
};

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const target = { projectId: 'p-alpha', microversion: '2.26', legacyAvailable: true };

function renderWizard(route = '/servers/create') {
  sessionStorage.clear();
  return renderWithProviders(
    <ComputeContext.Provider value={target}>
      <CreateServerWizard catalog={catalog} keypairCreation={{} as KeypairCreation} />
    </ComputeContext.Provider>,
    { route, path: '/servers/create' },
  );
}

describe('create wizard: the first step', () => {
  it('takes what is typed as it opens: the name field has the focus', async () => {
    const user = userEvent.setup();
    renderWizard();
    const name = await screen.findByRole('textbox', { name: /^Name/ });
    expect(name).toHaveFocus();
    // nothing typed yet is no mistake: no "Required" until one moves on
    expect(screen.queryByText('Required')).not.toBeInTheDocument();
    await user.keyboard('web-typed');
    expect(name).toHaveValue('web-typed');
    // typed and wiped: now it is said
    await user.clear(name);
    expect(screen.getByText('Required')).toBeInTheDocument();
    await user.type(name, 'web-typed');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.queryByText('Required')).not.toBeInTheDocument();
  });
});

describe('create wizard: several servers', () => {
  const compute = (path: string) => `/api/compute/v2.1/p-alpha${path}`;
  const made = (id: string, name: string) => ({
    id,
    name,
    status: 'BUILD',
    'OS-EXT-STS:vm_state': 'building',
    'OS-EXT-STS:task_state': 'spawning',
    tenant_id: 'p-alpha',
    metadata: {},
    image: { id: 'img-1' },
    flavor: { id: 'small' },
    created: '2026-01-01T00:00:00Z',
    updated: '2026-01-01T00:00:00Z',
    addresses: {},
  });

  it('counts every server in the quota, sends one request, and reports each server on its own', async () => {
    http = mockHttp({
      [`POST ${compute('/servers')}`]: { status: 202, body: { reservation_id: 'r-abc12345' } },
      [`GET ${compute('/servers/detail')}`]: (request) =>
        request.params?.reservation_id === 'r-abc12345'
          ? { body: { servers: [made('s3', 'web-3'), made('s1', 'web-1'), made('s2', 'web-2')] } }
          : { body: { servers: [] } },
    });
    const user = userEvent.setup();
    renderWizard();
    await user.type(await screen.findByRole('textbox', { name: /^Name/ }), 'web');
    const count = screen.getByRole('textbox', { name: 'Number of servers' });
    await user.clear(count);
    await user.type(count, '3');
    expect(screen.getByText('Named web-1 … web-3; made all or none')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: 'Ubuntu 22.04 server 64bit' }));
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await user.click(await screen.findByRole('radio', { name: 's3.medium.2' }));
    for (let step = 0; step < 4; step += 1) await user.click(screen.getByRole('button', { name: 'Next' }));

    // three servers of the small flavor: 3 instances, 3 vCPUs, 6 GB of RAM
    const quota = await screen.findByRole('region', { name: 'Quota impact' });
    expect(within(quota).getByText(/^Uses 3 of 10 instances/)).toBeInTheDocument();
    expect(within(quota).getByText(/^Uses 3 of 20 vCPUs/)).toBeInTheDocument();
    expect(screen.getByText('3 servers: web-1 … web-3')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Create server' }));
    const report = await screen.findByRole('table', { name: 'Servers created' });
    expect(http.to(compute('/servers'), 'POST')).toHaveLength(1);
    expect(http.to(compute('/servers'), 'POST')[0].body).toMatchObject({
      server: { name: 'web', min_count: 3, max_count: 3, return_reservation_id: true },
    });
    const links = await within(report).findAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['web-1', '/servers/s1'],
      ['web-2', '/servers/s2'],
      ['web-3', '/servers/s3'],
    ]);
  });
});
