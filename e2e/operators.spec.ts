// An administrator across projects: every project's servers (all_tenants), acting on another
// project's server, and the zones' hosts with their services.
import { expect, test } from '@playwright/test';
import { logIn } from './support/console-login.ts';
import { cloudLogin, compute, createServer, imageId, waitForStatus } from './support/cloud-api.ts';
import { tenant as tenantNamed } from './support/tenants.ts';

test('an administrator lists every project’s servers, filters one project, and locks and opens a server of another project', async ({ page }) => {
  const tenant = tenantNamed('operators');
  const member = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const id = await createServer(member, { name: 'ops-target', imageRef: await imageId(member, 'Ubuntu 22.04 server 64bit'), networkId: tenant.network.id });
  await waitForStatus(member, id, 'ACTIVE');

  await logIn(page, 'admin', 'admin');
  await page.goto('/servers');
  const table = page.getByRole('table', { name: 'Servers' });
  await expect(table.locator('tbody tr:not([aria-hidden="true"])').first()).toBeVisible({ timeout: 30_000 });
  // the admin's own project first: another project's server is not in it
  await expect(table.getByRole('link', { name: 'ops-target' })).toHaveCount(0);

  // (the segmented control's radio is drawn by its label)
  await page.locator('label', { hasText: 'All projects' }).click();
  await expect(page.getByRole('radio', { name: 'All projects' })).toBeChecked();
  await expect(page).toHaveURL(/all=1/);
  // the page says whose servers it shows
  await expect(page.getByText("Every project's servers, for administrators")).toBeVisible();
  const row = table.locator('tbody tr').filter({ has: page.getByRole('link', { name: 'ops-target', exact: true }) });
  await expect(row).toBeVisible({ timeout: 30_000 });
  // whose it is: the project's id (the admin is no member of it, so its name is not known here)
  await expect(row).toContainText(tenant.projectId);

  await page.getByRole('combobox', { name: 'Project' }).click();
  await page.getByRole('option', { name: tenant.projectId }).click();
  await expect(page).toHaveURL(new RegExp(`project=${tenant.projectId}`));
  await expect(table.locator('tbody tr:not([aria-hidden="true"])')).toHaveCount(1);

  await page.getByRole('button', { name: 'Actions for ops-target' }).click();
  await page.getByRole('menuitem', { name: 'Lock', exact: true }).click();
  await expect(row.getByLabel('Locked')).toBeVisible();
  expect((await compute<{ server: { locked: boolean } }>(member, 'GET', `/servers/${id}`)).server.locked).toBe(true);

  await row.getByRole('link', { name: 'ops-target' }).click();
  await expect(page).toHaveURL(new RegExp(`/servers/${id}$`));
  await expect(page.getByRole('heading', { name: 'ops-target', level: 1, exact: true })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Overview' })).toContainText(tenant.projectId);
});

test('zone hosts and their services for an administrator; a member is told they are for administrators', async ({ page }) => {
  await logIn(page, 'admin', 'admin');
  await page.goto('/availability-zones');
  const zones = page.getByRole('table', { name: 'Availability zones' });
  const zone = (name: string) => zones.locator('tbody tr').filter({ has: page.getByRole('cell', { name, exact: true }) });
  await expect(zone('az-1')).toContainText('cna-az1-001', { timeout: 30_000 });
  await expect(zone('az-1')).toContainText('nova-compute');
  await expect(zone('internal')).toContainText('nova-conductor');
  await expect(zone('internal')).toContainText('nova-scheduler');
  await expect(page.getByText('Shown to administrators only')).toHaveCount(0);

  await page.context().clearCookies();
  await logIn(page, 'alice', 'alice');
  await page.goto('/availability-zones');
  await expect(zones.getByText('Shown to administrators only').first()).toBeVisible({ timeout: 30_000 });
  await expect(zones).not.toContainText('nova-compute');
});
