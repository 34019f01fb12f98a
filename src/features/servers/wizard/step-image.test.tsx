import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from '@mantine/form';
import { renderWithProviders } from '../../../test/render';
import { buildCreateServerBody } from './request-builders';
import { emptyWizardValues, type WizardValues } from './wizard-values';
import { StepImage } from './step-image';
import type { WizardCatalog } from './wizard-types';

const catalog: WizardCatalog = {
  zones: ['az-1'],
  images: [{ id: 'img-1', name: 'Ubuntu 22.04 server 64bit', status: 'ACTIVE', minDisk: 40, minRam: 0 }],
  snapshots: [
    { id: 'snap-sys', name: 'system-before-upgrade', size: 40, status: 'available', createdAt: '2026-11-20T08:00:00.000000' },
    { id: 'snap-busy', name: 'still-creating', size: 40, status: 'creating' },
  ],
  flavors: [],
  networks: [],
  securityGroups: [],
  keypairs: [],
  serverGroups: [],
};

/** The step in a form of its own; the latest values go to `seen` for the assertions. */
function Harness({ seen, snapshots = catalog.snapshots }: { seen: { values?: WizardValues }; snapshots?: WizardCatalog['snapshots'] }) {
  const form = useForm<WizardValues>({
    mode: 'controlled',
    initialValues: { ...emptyWizardValues(), name: 'web-1', flavorId: 's3.large.2', imageId: 'img-1', bootFromVolume: true, volumeSize: 40 },
  });
  seen.values = form.values;
  return <StepImage form={form} catalog={{ ...catalog, snapshots }} errorOf={() => undefined} />;
}

describe('the boot source step', () => {
  it('offers the available volume snapshots and builds a source_type snapshot mapping', async () => {
    const user = userEvent.setup();
    const seen: { values?: WizardValues } = {};
    renderWithProviders(<Harness seen={seen} />);
    expect(await screen.findByRole('radio', { name: 'Ubuntu 22.04 server 64bit' })).toBeInTheDocument();
    expect(within(screen.getByRole('radiogroup', { name: 'Image' })).getAllByRole('radio')).toHaveLength(1);
    expect(screen.getByRole('radiogroup', { name: 'Boot source' })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'Volume snapshot' }));
    expect(await screen.findByRole('radio', { name: 'system-before-upgrade' })).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'still-creating' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Ubuntu 22.04 server 64bit' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'system-before-upgrade' }));
    expect(seen.values).toMatchObject({ bootSource: 'snapshot', snapshotId: 'snap-sys', volumeSize: '' });
    const body = buildCreateServerBody(seen.values!);
    expect(body.server.imageRef).toBeUndefined();
    expect(body.server.block_device_mapping_v2).toEqual([
      { source_type: 'snapshot', destination_type: 'volume', uuid: 'snap-sys', boot_index: 0, delete_on_termination: true },
    ]);

    // back to the image: its boot volume size comes back
    await user.click(screen.getByRole('radio', { name: 'Image' }));
    expect(seen.values).toMatchObject({ bootSource: 'image', volumeSize: 40 });
  });

  it('says so when the project has no available snapshot', async () => {
    const user = userEvent.setup();
    renderWithProviders(<Harness seen={{}} snapshots={catalog.snapshots!.filter((s) => s.status !== 'available')} />);
    await user.click(await screen.findByRole('radio', { name: 'Volume snapshot' }));
    expect(screen.getByText('The project has no available volume snapshot.')).toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'still-creating' })).not.toBeInTheDocument();
  });
});
