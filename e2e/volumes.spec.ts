import { expect, test, type Page } from '@playwright/test';
import { cloudLogin, compute, createServer, imageId, waitForStatus, type CloudSession } from './support/cloud-api.ts';
import { logIn } from './support/console-login.ts';
import { resourceTenant } from './support/resource-tenants.ts';

const tenant = resourceTenant('volumes');

interface CloudVolume {
  id: string;
  status: string;
  displayName: string | null;
  size: number;
  availabilityZone: string;
  attachments: { serverId?: string; device?: string }[];
}

async function cloudVolume(session: CloudSession, id: string): Promise<CloudVolume | null> {
  const res = await fetch(`${process.env.E2E_CLOUD_URL}/v2/${session.projectId}/os-volumes/${id}`, { headers: { 'X-Auth-Token': session.token } });
  if (res.status === 404) return null;
  return ((await res.json()) as { volume: CloudVolume }).volume;
}

const status = (page: Page) => page.locator('dl').filter({ hasText: 'Status' }).first();

test('volume: create, attach to a server, snapshot, refused delete, detach, delete', async ({ page }) => {
  test.setTimeout(180_000);
  const session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const image = await imageId(session, 'Ubuntu 22.04 server 64bit');
  const serverId = await createServer(session, {
    name: 'e2e-vol-host',
    flavorRef: 's3.medium.2',
    imageRef: image,
    networkId: tenant.network.id,
    availability_zone: 'az-1',
  });
  await waitForStatus(session, serverId, 'ACTIVE');

  await logIn(page, tenant.username, tenant.password);
  await page.goto('/volumes');
  await expect(page.getByText('No volumes yet')).toBeVisible({ timeout: 30_000 });

  // create: size is checked before sending
  await page.getByRole('button', { name: 'Create volume' }).first().click();
  const create = page.getByRole('dialog', { name: 'Create a volume' });
  await create.getByLabel('Name').fill('e2e-data');
  await create.getByLabel('Size (GB)').fill('0');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create.getByText('A whole number of gigabytes, at least 1')).toBeVisible();
  await create.getByLabel('Size (GB)').fill('5');
  await create.getByRole('combobox', { name: 'Availability zone' }).click();
  await page.getByRole('option', { name: 'az-1' }).click();
  await create.getByRole('combobox', { name: 'Type' }).fill('SSD');
  await create.getByLabel('Description').fill('made by e2e');
  await create.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByRole('heading', { name: 'e2e-data' })).toBeVisible();
  const volumeId = page.url().split('/').pop()!;
  await expect(status(page)).toContainText('Available', { timeout: 20_000 });
  expect(await cloudVolume(session, volumeId)).toMatchObject({ size: 5, availabilityZone: 'az-1', displayName: 'e2e-data' });

  // attach to the server, from the volume's page
  await page.getByRole('button', { name: 'Attach to server' }).click();
  const attach = page.getByRole('dialog', { name: 'Attach volume e2e-data' });
  await attach.getByRole('combobox', { name: 'Server' }).click();
  await page.getByRole('option', { name: /^e2e-vol-host/ }).click();
  await attach.getByLabel('Device').fill('sdb');
  await attach.getByRole('button', { name: 'Attach' }).click();
  await expect(attach.getByText('A device name like /dev/vdb or /dev/sdc')).toBeVisible();
  await attach.getByLabel('Device').fill('');
  await attach.getByRole('button', { name: 'Attach' }).click();
  await expect(attach).toBeHidden();
  const attachments = page.getByRole('table', { name: 'Attachments' });
  await expect(attachments.getByRole('link', { name: 'e2e-vol-host' })).toHaveAttribute('href', `/servers/${serverId}`);
  await expect(status(page)).toContainText('In use');
  expect((await cloudVolume(session, volumeId))?.attachments[0]?.serverId).toBe(serverId);

  // snapshot: the reserved prefix is refused, an in-use volume needs force
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  const snap = page.getByRole('dialog', { name: 'Snapshot of volume e2e-data' });
  await snap.getByLabel('Name').fill('autobk_snapshot_mine');
  await snap.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(snap.getByText('Names starting with autobk_snapshot are reserved for automatic backups')).toBeVisible();
  await expect(snap.getByText('An attached volume can only be snapshotted with force')).toBeVisible();
  await snap.getByLabel('Name').fill('e2e-snap');
  await snap.getByLabel('Snapshot the attached volume anyway (force)').check();
  await snap.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(snap).toBeHidden();
  const snapshots = page.getByRole('table', { name: 'Snapshots of this volume' });
  await expect(snapshots.getByRole('link', { name: 'e2e-snap' })).toBeVisible();
  await expect(snapshots).toContainText('Available', { timeout: 20_000 });

  // delete refused while attached: the reason, not a request
  await page.getByRole('button', { name: 'Delete volume' }).click();
  let refusal = page.getByRole('dialog', { name: 'Volume e2e-data cannot be deleted now' });
  await expect(refusal.getByRole('alert')).toHaveText('It is attached to a server. Detach it first.');
  await refusal.getByRole('button', { name: 'Close', exact: true }).click();

  // detach
  await attachments.getByRole('button', { name: 'Detach' }).click();
  await page.getByRole('dialog', { name: 'Detach volume e2e-data?' }).getByRole('button', { name: 'Detach' }).click();
  await expect(status(page)).toContainText('Available');
  await expect(page.getByText('Not attached.', { exact: false })).toBeVisible();

  // still refused: it has a snapshot
  await page.getByRole('button', { name: 'Delete volume' }).click();
  refusal = page.getByRole('dialog', { name: 'Volume e2e-data cannot be deleted now' });
  await expect(refusal.getByRole('alert')).toHaveText('It has snapshots. Delete its snapshots first.');
  await refusal.getByRole('button', { name: 'Close', exact: true }).click();

  // delete the snapshot, then the volume
  await snapshots.getByRole('button', { name: 'Actions for e2e-snap' }).click();
  await page.getByRole('menuitem', { name: 'Delete snapshot' }).click();
  await page.getByRole('dialog', { name: 'Delete snapshot e2e-snap?' }).getByRole('button', { name: 'Delete snapshot' }).click();
  await expect(snapshots.getByRole('link', { name: 'e2e-snap' })).toHaveCount(0, { timeout: 20_000 });

  await page.getByRole('button', { name: 'Delete volume' }).click();
  await page.getByRole('dialog', { name: 'Delete volume e2e-data?' }).getByRole('button', { name: 'Delete volume' }).click();
  await expect(page).toHaveURL(/\/volumes$/);
  await expect.poll(() => cloudVolume(session, volumeId), { timeout: 20_000 }).toBeNull();
  await expect(page.getByRole('table', { name: 'Volumes' }).getByRole('link', { name: 'e2e-data' })).toHaveCount(0, { timeout: 20_000 });

  await compute(session, 'DELETE', `/servers/${serverId}`);
});
