import { expect, test } from '@playwright/test';
import { cloudLogin, compute, createServer, imageId, waitForStatus } from './support/cloud-api.ts';
import { logIn } from './support/console-login.ts';
import { resourceTenant } from './support/resource-tenants.ts';

const tenant = resourceTenant('images');

test('an image made from a server links back to it, and is deleted after confirmation', async ({ page }) => {
  test.setTimeout(120_000);
  const session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const serverId = await createServer(session, {
    name: 'e2e-image-source',
    flavorRef: 's3.medium.2',
    imageRef: await imageId(session, 'CentOS 7.9 64bit'),
    networkId: tenant.network.id,
  });
  await waitForStatus(session, serverId, 'ACTIVE');
  await compute(session, 'POST', `/servers/${serverId}/action`, { createImage: { name: 'e2e-golden', metadata: { purpose: 'e2e' } } });

  await logIn(page, tenant.username, tenant.password);
  // the name filter goes to the API (spec 7.1) and stays in the URL
  await page.goto('/images');
  await page.getByRole('combobox', { name: 'Name' }).fill('e2e-golden');
  await expect(page).toHaveURL(/[?&]name=e2e-golden/);
  const table = page.getByRole('table', { name: 'Images' });
  await expect(table.locator('tbody tr')).toHaveCount(1);
  const row = table.getByRole('row', { name: /e2e-golden/ });
  await expect(row.getByRole('link', { name: 'e2e-image-source' })).toHaveAttribute('href', `/servers/${serverId}`);
  await expect(row).toContainText('Active', { timeout: 20_000 });

  await row.getByRole('link', { name: 'e2e-golden' }).click();
  await expect(page.getByRole('heading', { name: 'e2e-golden' })).toBeVisible();
  const imageIdShown = page.url().split('/').pop()!;
  await expect(page.getByRole('link', { name: 'e2e-image-source' })).toHaveAttribute('href', `/servers/${serverId}`);
  await expect(page.getByRole('table', { name: 'Metadata' })).toContainText('purpose');
  await expect(page.getByRole('link', { name: 'Launch a server from this image' })).toHaveAttribute('href', `/servers/create?image=${imageIdShown}`);

  // delete: cancel first, nothing happens; then confirm
  await page.getByRole('button', { name: 'Delete image' }).click();
  await page.getByRole('dialog', { name: 'Delete image e2e-golden?' }).getByRole('button', { name: 'Cancel' }).click();
  // the dialog's own "Delete image" button lingers while it fades out
  await expect(page.getByRole('dialog', { name: 'Delete image e2e-golden?' })).toBeHidden();
  await compute(session, 'GET', `/images/${imageIdShown}`);
  await page.getByRole('button', { name: 'Delete image' }).click();
  await page.getByRole('dialog', { name: 'Delete image e2e-golden?' }).getByRole('button', { name: 'Delete image' }).click();
  await expect(page).toHaveURL(/\/images$/);
  await expect(page.getByText('Image deleted')).toBeVisible();
  await compute(session, 'GET', `/images/${imageIdShown}`, undefined, [404]);
  await expect(page.getByRole('table', { name: 'Images' }).getByRole('link', { name: 'e2e-golden' })).toHaveCount(0);
  await compute(session, 'DELETE', `/servers/${serverId}`);
});
