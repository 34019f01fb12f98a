// Rows and pages that stay the cloud's with no user action: another client changes servers
// while the list is open; a confirm resize the cloud completes in the background. A cloud of
// the spec's own with slow transitions (12 s a state, as a loaded real cloud takes), so each
// state can be seen, and the list's idle pace (10 s) is what brings the changes.
import { expect, type Page } from '@playwright/test';
import { logIn } from './support/console-login.ts';
import { CloudSession, type CloudServer } from './support/cloud-servers.ts';
import { testWithOwnConsole } from './support/own-console.ts';

const TRANSITION_MS = 12_000;
const test = testWithOwnConsole({ CLOUD_TRANSITION_MS: String(TRANSITION_MS) }, { watch: {}, resize: {} });
test.describe.configure({ mode: 'serial', timeout: 180_000 });

const IMAGE = 'Ubuntu 22.04 server 64bit';
const table = (page: Page) => page.getByRole('table', { name: 'Servers' });
const rows = (page: Page) => table(page).locator('tbody tr:not([aria-hidden="true"])');
const row = (page: Page, name: string) => rows(page).filter({ has: page.getByRole('link', { name, exact: true }) });
const refreshStatus = (page: Page) => page.getByRole('status', { name: 'Refresh status' });

async function bootAll(session: CloudSession, names: string[], flavorRef = 's3.medium.2'): Promise<CloudServer[]> {
  const imageRef = await session.imageId(IMAGE);
  return Promise.all(names.map(async (name) => (await session.bootServer({ name, flavorRef, imageRef })).server));
}

test('another client reboots, renames and deletes servers while the list is open: the rows follow within 15 s, untouched', async ({ page, own }) => {
  const tenant = own.tenants.watch;
  const other = await CloudSession.login(tenant.username, tenant.password, tenant.project, own.cloudUrl);
  const [rebooted, renamed, deleted] = await bootAll(other, ['watch-reboot', 'watch-rename', 'watch-delete']);

  await logIn(page, tenant.username, tenant.password);
  const listRequests: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/servers/detail')) listRequests.push(request.url());
  });
  await page.goto('/servers');
  await expect(rows(page)).toHaveCount(3, { timeout: 30_000 });
  await expect(refreshStatus(page)).toContainText('Up to date');

  // behind the console's back
  await other.call('POST', `/servers/${rebooted.id}/action`, { reboot: { type: 'SOFT' } });
  await other.call('PUT', `/servers/${renamed.id}`, { server: { name: 'watch-renamed-elsewhere' } });
  await other.call('DELETE', `/servers/${deleted.id}`);

  // within 15 s, with no click, reload or focus change: the rows say what the cloud says
  await expect(row(page, 'watch-reboot').getByText('Rebooting')).toBeVisible({ timeout: 15_000 });
  await expect(row(page, 'watch-renamed-elsewhere')).toBeVisible({ timeout: 15_000 });
  await expect(row(page, 'watch-rename')).toHaveCount(0);
  await expect(row(page, 'watch-delete').getByText('Deleting')).toBeVisible({ timeout: 15_000 });
  // and on to the end states, the deleted row gone
  await expect(row(page, 'watch-reboot').getByText('Active')).toBeVisible({ timeout: TRANSITION_MS + 15_000 });
  await expect(row(page, 'watch-delete')).toHaveCount(0, { timeout: TRANSITION_MS + 15_000 });
  await expect(rows(page)).toHaveCount(2);
  await expect(refreshStatus(page)).toContainText('Up to date', { timeout: 15_000 });
  // all of it learnt by asking what changed, never by reading the page again
  expect(listRequests.some((url) => new URL(url).searchParams.has('changes-since'))).toBe(true);
});

test('confirm resize shows the server ACTIVE on the new flavor once the cloud has confirmed, without a reload', async ({ page, own }) => {
  const tenant = own.tenants.resize;
  const owner = await CloudSession.login(tenant.username, tenant.password, tenant.project, own.cloudUrl);
  const [server] = await bootAll(owner, ['resize-me']);
  await owner.call('POST', `/servers/${server.id}/action`, { resize: { flavorRef: 's3.large.2' } });
  await owner.waitForServer(server.id, (s) => s?.status === 'VERIFY_RESIZE', TRANSITION_MS + 20_000);

  await logIn(page, tenant.username, tenant.password);
  let navigations = 0;
  await page.goto(`/servers/${server.id}`);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations += 1;
  });
  const banner = page.getByRole('region', { name: 'Resize awaiting confirmation' });
  await expect(banner).toBeVisible({ timeout: 30_000 });
  await banner.getByRole('button', { name: 'Confirm resize' }).click();
  await page.getByRole('dialog', { name: 'Confirm the resize of resize-me' }).getByRole('button', { name: 'Confirm resize' }).click();

  // Nova answers 204 and confirms later: right after it, the cloud still says VERIFY_RESIZE …
  expect((await owner.server(server.id))?.status).toBe('VERIFY_RESIZE');
  // … and the page follows the server until the cloud says ACTIVE
  await expect(page.getByRole('status', { name: 'Status' })).toHaveText(/Active/, { timeout: TRANSITION_MS + 20_000 });
  await expect(banner).toBeHidden();
  await expect(page.getByText('s3.large.2', { exact: true })).toBeVisible();
  expect(navigations).toBe(0);
});
