import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { useForm } from '@mantine/form';
import { renderWithProviders } from '../../../test/render';
import { emptyWizardValues, type WizardValues } from './wizard-values';
import { StepFlavor } from './step-flavor';
import type { WizardCatalog } from './wizard-types';

const catalog = (minRam: number, minDisk: number): WizardCatalog => ({
  zones: [],
  images: [{ id: 'img-1', name: 'cirros', status: 'ACTIVE', minDisk, minRam }],
  flavors: [{ id: 'f1', name: 's3.medium.2', vcpus: 1, ram: 2048, disk: 40 }],
  networks: [],
  securityGroups: [],
  keypairs: [],
  serverGroups: [],
});

function Harness({ minRam, minDisk }: { minRam: number; minDisk: number }) {
  const form = useForm<WizardValues>({ mode: 'controlled', initialValues: { ...emptyWizardValues(), imageId: 'img-1' } });
  return <StepFlavor form={form} catalog={catalog(minRam, minDisk)} errorOf={() => undefined} />;
}

describe('the flavor step says what the image asks of a flavor', () => {
  it('an image without minimums: no "RAM ≥ none"', async () => {
    renderWithProviders(<Harness minRam={0} minDisk={0} />);
    expect(await screen.findByText('cirros sets no minimum RAM or disk: every flavor fits.')).toBeInTheDocument();
    expect(screen.queryByText(/none/)).not.toBeInTheDocument();
  });

  it('only the minimums the image has', async () => {
    renderWithProviders(<Harness minRam={2048} minDisk={0} />);
    expect(await screen.findByText('Flavors that fit cirros: RAM at least 2 GB.')).toBeInTheDocument();
  });
});
