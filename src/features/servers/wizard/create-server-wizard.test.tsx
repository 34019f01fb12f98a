import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { KeypairCreation, WizardCatalog } from './wizard-types';
import { ComputeContext } from '../../../lib/compute';
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
    await user.keyboard('web-typed');
    expect(name).toHaveValue('web-typed');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.queryByText('Required')).not.toBeInTheDocument();
  });
});
