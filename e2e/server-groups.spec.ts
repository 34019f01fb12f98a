import { expect, test } from '@playwright/test';
import { cloudLogin, compute, imageId, waitForStatus } from './support/cloud-api.ts';
import { logIn } from './support/console-login.ts';
import { resourceTenant } from './support/resource-tenants.ts';

const tenant = resourceTenant('srvgroups');

test('server group: created with its policy, a server launched into it shows as a linked member, deleted', async ({ page }) => {
  test.setTimeout(120_000);
  await logIn(page, tenant.username, tenant.password);
  await page.goto('/server-groups');
  await page.getByRole('button', { name: 'Create server group' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create a server group' });
  await dialog.getByLabel('Name').fill('e2e-spread');
  // affinity comes with the spec's note that only anti-affinity is supported
  await dialog.getByRole('radio', { name: 'Affinity', exact: true }).check();
  await expect(dialog.getByText('only anti-affinity groups are currently supported', { exact: false })).toBeVisible();
  await dialog.getByRole('radio', { name: 'Anti-affinity', exact: true }).check();
  await dialog.getByRole('button', { name: 'Create' }).click();

  await expect(page.getByRole('heading', { name: 'e2e-spread' })).toBeVisible();
  const groupId = page.url().split('/').pop()!;
  await expect(page.getByText('Anti-affinity', { exact: true })).toBeVisible();
  await expect(page.getByText('No server is in this group.', { exact: false })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Launch a server in this group' })).toHaveAttribute('href', `/servers/create?group=${groupId}`);

  // a server launched into the group (scheduler hint) becomes its member
  const session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const created = await compute<{ server: { id: string } }>(session, 'POST', '/servers', {
    server: { name: 'e2e-member', flavorRef: 's3.medium.2', imageRef: await imageId(session, 'Ubuntu 22.04 server 64bit'), networks: [{ uuid: tenant.network.id }] },
    'os:scheduler_hints': { group: groupId },
  });
  await waitForStatus(session, created.server.id, 'ACTIVE');
  await page.reload();
  const members = page.getByRole('table', { name: 'Members' });
  await expect(members.getByRole('link', { name: 'e2e-member' })).toHaveAttribute('href', `/servers/${created.server.id}`);
  await expect(page.getByRole('heading', { name: 'Members (1)' })).toBeVisible();

  // the list shows it with its member count
  await page.getByRole('link', { name: 'All server groups' }).click();
  const row = page.getByRole('table', { name: 'Server groups' }).getByRole('row', { name: /e2e-spread/ });
  await expect(row).toContainText('Anti-affinity');
  await expect(row).toContainText('1');

  await row.getByRole('button', { name: 'Actions for e2e-spread' }).click();
  await page.getByRole('menuitem', { name: 'Delete server group' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete server group e2e-spread?' });
  await expect(confirm).toContainText('Its 1 member server(s) keep running');
  await confirm.getByRole('button', { name: 'Delete group' }).click();
  await expect(page.getByRole('link', { name: 'e2e-spread' })).toHaveCount(0);
  await compute(session, 'GET', `/os-server-groups/${groupId}`, undefined, [404]);
  await compute(session, 'DELETE', `/servers/${created.server.id}`);
});
