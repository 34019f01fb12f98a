import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ComputeContext } from '../../../lib/compute';
import { cloudRoutes, PROJECT_ID } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderWithProviders } from '../../../test/render';
import type { Server } from '../schemas';
import { OverviewTab } from './overview-tab';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const server = {
  id: 's1',
  name: 'web-01',
  status: 'SHUTOFF',
  metadata: {},
  image: null,
  flavor: { id: 'small' },
  created: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  addresses: {},
  'OS-EXT-STS:vm_state': 'stopped',
  'OS-EXT-STS:task_state': 'powering-on',
  'OS-EXT-STS:power_state': 4,
  'OS-DCF:diskConfig': 'MANUAL',
  config_drive: '',
} as unknown as Server;

describe("a server's overview", () => {
  it("says the cloud's raw values in words, the cloud's own on hover and for screen readers", async () => {
    http = mockHttp(cloudRoutes());
    const user = userEvent.setup();
    renderWithProviders(
      <ComputeContext.Provider value={{ projectId: PROJECT_ID, microversion: '2.26', legacyAvailable: true }}>
        <OverviewTab server={server} />
      </ComputeContext.Provider>,
    );
    // a field's value: the word, then the cloud's value for screen readers
    const value = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;
    await screen.findByRole('heading', { name: 'General' });
    expect(value('VM state')).toHaveTextContent(/^Stopped \(stopped\)$/);
    expect(value('Power state')).toHaveTextContent(/^Shut down \(SHUTDOWN \(4\)\)$/);
    expect(value('Task state')).toHaveTextContent(/^Starting \(powering-on\)$/);
    expect(value('Disk config')).toHaveTextContent(/^Manual \(as the image has it\) \(MANUAL\)$/);
    expect(value('Config drive')).toHaveTextContent(/^No \(""\)$/);

    await user.hover(screen.getByText('Shut down'));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('The cloud says: SHUTDOWN (4)');
    expect(within(screen.getByRole('tooltip')).queryByText('Shut down')).not.toBeInTheDocument();
  });
});
