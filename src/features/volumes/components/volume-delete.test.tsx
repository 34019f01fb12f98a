import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, PROJECT_ID } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const proxy = (path: string) => `/api/compute/v2/${PROJECT_ID}${path}`;
const volume = (id: string, name: string, status: string, serverId?: string) => ({
  id,
  displayName: name,
  status,
  size: 10,
  availabilityZone: 'az-1',
  createdAt: '2026-01-05T08:00:00.000000',
  displayDescription: '',
  volumeType: 'SSD',
  snapshotId: null,
  metadata: {},
  attachments: serverId ? [{ id, volumeId: id, serverId, device: '/dev/vdb' }] : [{}],
});

function routes() {
  return cloudRoutes({
    [`GET ${proxy('/os-volumes/detail')}`]: {
      body: { volumes: [volume('v1', 'attached-one', 'in-use', 's1'), volume('v2', 'with-snap', 'available'), volume('v3', 'free', 'available')] },
    },
    [`GET ${proxy('/os-snapshots/detail')}`]: {
      body: { snapshots: [{ id: 'sn1', volumeId: 'v2', status: 'available', size: 10, displayName: 'before', createdAt: null }] },
    },
    [`GET /api/compute/v2.1/${PROJECT_ID}/os-availability-zone`]: { body: { availabilityZoneInfo: [{ zoneName: 'az-1', zoneState: { available: true }, hosts: null }] } },
    [`GET /api/compute/v2.1/${PROJECT_ID}/servers/detail`]: { body: { servers: [] } },
    [`DELETE ${proxy('/os-volumes/v3')}`]: { status: 202 },
  });
}

async function deleteFromMenu(user: ReturnType<typeof userEvent.setup>, name: string) {
  await user.click(await screen.findByRole('button', { name: `Actions for ${name}` }));
  await user.click(await screen.findByRole('menuitem', { name: 'Delete volume' }));
}

describe("deleting a volume (spec 19.5's refusals)", () => {
  it('explains why an attached volume, or one with snapshots, cannot be deleted, and sends nothing', async () => {
    http = mockHttp(routes());
    const user = userEvent.setup();
    renderApp({ route: '/volumes' });
    await deleteFromMenu(user, 'attached-one');
    let dialog = await screen.findByRole('dialog', { name: 'Volume attached-one cannot be deleted now' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('It is attached to a server. Detach it first.');
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));

    await deleteFromMenu(user, 'with-snap');
    dialog = await screen.findByRole('dialog', { name: 'Volume with-snap cannot be deleted now' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('It has snapshots. Delete its snapshots first.');
    expect(http.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it('asks, then deletes a volume the spec lets go', async () => {
    http = mockHttp(routes());
    const user = userEvent.setup();
    renderApp({ route: '/volumes' });
    await deleteFromMenu(user, 'free');
    const dialog = await screen.findByRole('dialog', { name: 'Delete volume free?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete volume' }));
    await screen.findByText('Volume deletion started');
    expect(http.to(proxy('/os-volumes/v3'), 'DELETE')).toHaveLength(1);
  });
});
