// The single-item reads of the servers area against the embedded cloud: the list's export
// (List Servers Detail and List Servers, every page as filtered), one metadata item read afresh,
// one interface's details and the check of one tag. A tenant of its own with 12 servers.
import { readFile } from 'node:fs/promises';
import { expect as baseExpect, test, type Download, type Page } from '@playwright/test';
import { logIn } from './support/console-login.ts';
import { cloudLogin, createServer, imageId, inBatches, waitForStatus, type CloudSession as ApiSession } from './support/cloud-api.ts';
import { CloudSession } from './support/cloud-servers.ts';
import { tenant as tenantNamed } from './support/tenants.ts';

test.describe.configure({ mode: 'serial', timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const tenant = tenantNamed('lookups');
let session: CloudSession;
let ids: string[];
/** lk-001 … lk-011 match the list's filter; the twelfth server does not. */
const nameOf = (n: number) => (n === 12 ? 'other-012' : `lk-${String(n).padStart(3, '0')}`);

test.beforeAll(async () => {
  const api: ApiSession = await cloudLogin(tenant.username, tenant.password, tenant.project);
  session = await CloudSession.login(tenant.username, tenant.password, tenant.project);
  const image = await imageId(api, 'Ubuntu 22.04 server 64bit');
  ids = await inBatches(
    Array.from({ length: 12 }, (_, i) => i + 1),
    4,
    (n) =>
      createServer(api, {
        name: nameOf(n),
        imageRef: image,
        networkId: tenant.network.id,
        metadata: n === 1 ? { role: 'web', tier: 'front' } : undefined,
      }),
  );
  await inBatches(ids, 4, (id) => waitForStatus(api, id, 'ACTIVE'));
});

async function logInAsTenant(page: Page) {
  await logIn(page, tenant.username, tenant.password, tenant.project);
}

const readDownload = async (download: Download) => readFile((await download.path())!, 'utf8');

test('export: every page of the filtered list, full rows or ids and names only (4.9)', async ({ page }) => {
  const lists: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && /\/servers(\/detail)?$/.test(url.pathname)) lists.push(url);
  });
  await logInAsTenant(page);
  // the table shows 10 of the 11 servers named lk-…; the export has all 11
  await page.goto('/servers?name=lk-&limit=10');
  const table = page.getByRole('table', { name: 'Servers' });
  await expect(table.locator('tbody tr:not([aria-hidden="true"])')).toHaveCount(10, { timeout: 30_000 });

  await page.getByRole('button', { name: 'Export' }).click();
  const [names] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'IDs and names, JSON' }).click()]);
  expect(names.suggestedFilename()).toMatch(/^server-names-\d{8}-\d{6}\.json$/);
  const rows = JSON.parse(await readDownload(names)) as Array<{ id: string; name: string }>;
  expect(rows.map((row) => row.name).sort()).toEqual(Array.from({ length: 11 }, (_, i) => nameOf(i + 1)));
  expect(new Set(rows.map((row) => row.id))).toEqual(new Set(ids.slice(0, 11)));
  await expect(page.getByText('Exported 11 servers.')).toBeVisible();
  // the ids and names came from List Servers, with the list's filter and without its page
  const summary = lists.find((url) => url.pathname.endsWith('/servers'));
  expect(summary?.searchParams.get('name')).toBe('lk-');
  expect(summary?.searchParams.get('marker')).toBeNull();

  await page.getByRole('button', { name: 'Export' }).click();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'CSV (spreadsheet)' }).click()]);
  const lines = (await readDownload(csv)).replace(/^\ufeff/, '').trim().split('\r\n');
  expect(lines[0]).toContain('Name,Status');
  expect(lines).toHaveLength(12);
  expect(lines.slice(1).every((line) => line.includes(',ACTIVE,') && line.includes('s3.medium.2'))).toBe(true);
});

test('metadata: the edit dialog reads the item afresh (10.4)', async ({ page }) => {
  await logInAsTenant(page);
  await page.goto(`/servers/${ids[0]}/metadata`);
  const table = page.getByRole('table', { name: 'Metadata' });
  await expect(table.getByRole('row', { name: /role\s*web/ })).toBeVisible({ timeout: 30_000 });

  // another user changes one item and removes the other behind the page's back
  await session.call('PUT', `/servers/${ids[0]}/metadata/role`, { meta: { role: 'db' } });
  await session.call('DELETE', `/servers/${ids[0]}/metadata/tier`);

  await table.getByRole('button', { name: 'Actions for tier' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const gone = page.getByRole('dialog', { name: 'Edit metadata item tier' });
  await expect(gone.getByText('This key was removed from the server since the list was loaded')).toBeVisible();
  await gone.getByRole('button', { name: 'Cancel' }).click();
  await expect(gone).toBeHidden();

  await table.getByRole('button', { name: 'Actions for role' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit metadata item role' });
  await expect(edit.getByRole('textbox', { name: 'Value' })).toHaveValue('db');
  await expect(edit.getByText('Changed on the server since the list was loaded (it was “web”)')).toBeVisible();
  await edit.getByRole('textbox', { name: 'Value' }).fill('cache');
  await edit.getByRole('button', { name: 'Set item' }).click();
  await expect(table.getByRole('row', { name: /role\s*cache/ })).toBeVisible();
  await expect(table.getByRole('row', { name: /tier/ })).toHaveCount(0);
  expect((await session.server(ids[0]))?.metadata).toEqual({ role: 'cache' });
});

test('network: an interface\'s details with the subnet of its address (13.4)', async ({ page }) => {
  const { interfaceAttachments } = await session.call<{ interfaceAttachments: Array<{ port_id: string; mac_addr: string; fixed_ips: Array<{ ip_address: string; subnet_id: string }> }> }>(
    'GET',
    `/servers/${ids[1]}/os-interface`,
  );
  const port = interfaceAttachments[0];
  await logInAsTenant(page);
  await page.goto(`/servers/${ids[1]}/network`);
  const table = page.getByRole('table', { name: 'Interfaces' });
  await table.getByRole('button', { name: `Actions for ${port.port_id}` }).click({ timeout: 30_000 });
  await page.getByRole('menuitem', { name: 'Details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Interface details' });
  await expect(dialog.getByText(port.mac_addr, { exact: true })).toBeVisible();
  await expect(dialog.getByText(`on subnet ${port.fixed_ips[0].subnet_id}`)).toBeVisible();
  await expect(dialog.getByText('ACTIVE', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('link', { name: `net-${tenant.project}` })).toHaveAttribute('href', `/networks/${tenant.network.id}`);
});

test('tags: check whether the server has a tag, as the cloud says now (23.5)', async ({ page }) => {
  await session.call('PUT', `/servers/${ids[2]}/tags/blue`);
  await logInAsTenant(page);
  await page.goto(`/servers/${ids[2]}/tags`);
  const check = page.getByRole('form', { name: 'Check a tag on the server' });
  const input = check.getByRole('textbox', { name: 'Tag to check' });
  await input.fill('.bad');
  await expect(check.getByText('A tag cannot start with “.”')).toBeVisible();
  await expect(check.getByRole('button', { name: 'Check' })).toBeDisabled();

  await input.fill('blue');
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check.getByRole('status')).toHaveText('The server has the tag “blue”.');

  // removed behind the page's back: the check asks the cloud, not the list on the page
  await session.call('DELETE', `/servers/${ids[2]}/tags/blue`);
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check.getByRole('status')).toHaveText('The server does not have the tag “blue”.');
  await input.fill('green');
  await check.getByRole('button', { name: 'Check' }).click();
  await expect(check.getByRole('status')).toHaveText('The server does not have the tag “green”.');
});
