// The server detail page's actions, each driven through the UI against the embedded cloud
// until the page shows its end state. One server per file, used in order (serial), so the
// project's quota is not exhausted by parallel specs.
import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { logIn } from './support/console-login.ts';
import { CloudSession, uniqueName, type CloudServer } from './support/cloud-servers.ts';

// long flows on a shared 2-core machine: more than the default minute each
test.describe.configure({ mode: 'serial', timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

let alice: CloudSession;
let admin: CloudSession;
let server: CloudServer;
let name: string;
const cleanup: Array<() => Promise<unknown>> = [];

test.beforeAll(async () => {
  alice = await CloudSession.login('alice', 'alice', 'alpha');
  admin = await CloudSession.login('admin', 'admin', 'admin');
  name = uniqueName('e2e-actions');
  ({ server } = await alice.bootServer({
    name,
    flavorRef: 's3.medium.2',
    imageRef: await alice.imageId('Ubuntu 22.04 server 64bit'),
  }));
  cleanup.push(() => alice.deleteServer(server.id));
});

test.afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

const status = (page: Page) => page.getByRole('status', { name: 'Status' });
const actionsMenu = (page: Page) => page.getByRole('button', { name: 'Actions', exact: true });

async function openPage(page: Page, tab = '') {
  await page.goto(`/servers/${server.id}${tab ? `/${tab}` : ''}`);
  await expect(page.getByRole('heading', { name, level: 1, exact: true })).toBeVisible();
}

async function menuItem(page: Page, label: RegExp): Promise<Locator> {
  await actionsMenu(page).click();
  return page.getByRole('menuitem', { name: label });
}

/** Opens an action's dialog from the menu, checks its request preview, submits it. */
async function runAction(page: Page, item: RegExp, dialogTitle: string, submit: string, body: string) {
  await (await menuItem(page, item)).click();
  const dialog = page.getByRole('dialog', { name: dialogTitle });
  await dialog.getByLabel('Show API request and CLI').check();
  await expect(dialog.getByText(`/v2.1/${alice.projectId}/servers/${server.id}/action`)).toBeVisible();
  await expect(dialog.getByText(body)).toBeVisible();
  await dialog.getByRole('button', { name: submit, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function expectActivity(page: Page, action: string) {
  await page.getByRole('tab', { name: 'Activity' }).click();
  const timeline = page.getByLabel('Activity', { exact: true });
  await expect(timeline.getByText(action, { exact: true }).first()).toBeVisible();
  await expect(timeline.getByText(/^req-/).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Overview' }).click();
}

test('reboot, hard reboot, stop and start reach their end state; the menu follows the state', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await openPage(page);
  await expect(status(page)).toHaveText(/Active/);

  // ACTIVE: start is refused with the reason, stop is offered
  await actionsMenu(page).click();
  await expect(page.getByRole('menuitem', { name: /^Start/ })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: /^Start/ })).toContainText('Not possible in the server');
  await expect(page.getByRole('menuitem', { name: /^Stop/ })).toBeEnabled();
  await expect(page.getByRole('menuitem', { name: /^Unlock/ })).toContainText('Not locked');
  await page.keyboard.press('Escape');

  await runAction(page, /^Reboot/, `Reboot ${name}`, 'Reboot', '"SOFT"');
  await expect(status(page)).toHaveText(/Active/);
  await expectActivity(page, 'Reboot');

  await (await menuItem(page, /^Hard reboot/)).click();
  const hard = page.getByRole('dialog', { name: `Reboot ${name}` });
  await expect(hard.getByRole('radio', { name: /^Hard reboot/ })).toBeChecked();
  await hard.getByRole('button', { name: 'Reboot', exact: true }).click();
  await expect(hard).toBeHidden();
  await expect(status(page)).toHaveText(/Active/);

  await runAction(page, /^Stop/, `Stop ${name}`, 'Stop', '"os-stop": null');
  await expect(status(page)).toHaveText(/Stopped/);
  expect((await alice.server(server.id))?.status).toBe('SHUTOFF');

  // SHUTOFF: stop and soft reboot are refused, start and hard reboot are offered
  await actionsMenu(page).click();
  await expect(page.getByRole('menuitem', { name: /^Stop/ })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: /^Reboot/ })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: /^Hard reboot/ })).toBeEnabled();
  await expect(page.getByRole('menuitem', { name: /^Start/ })).toBeEnabled();
  await page.keyboard.press('Escape');

  await runAction(page, /^Start/, `Start ${name}`, 'Start', '"os-start": null');
  await expect(status(page)).toHaveText(/Active/);
  await expectActivity(page, 'Start');
});

test('lock and unlock', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await openPage(page);
  await runAction(page, /^Lock/, `Lock ${name}`, 'Lock', '"lock": null');
  await expect(status(page)).toContainText('Locked');
  expect((await alice.server(server.id))?.locked).toBe(true);
  await actionsMenu(page).click();
  await expect(page.getByRole('menuitem', { name: /^Lock/ })).toBeDisabled();
  await page.keyboard.press('Escape');

  await runAction(page, /^Unlock/, `Unlock ${name}`, 'Unlock', '"unlock": null');
  await expect(status(page)).not.toContainText('Locked');
  expect((await alice.server(server.id))?.locked).toBe(false);
});

test("a server an admin locked refuses the member's action with the API's message", async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await openPage(page);
  await expect(status(page)).toHaveText(/Active/);

  // behind alice's back
  await admin.call('POST', `/servers/${server.id}/action`, { lock: null });
  cleanup.push(() => admin.call('POST', `/servers/${server.id}/action`, { unlock: null }));

  await (await menuItem(page, /^Reboot/)).click();
  const dialog = page.getByRole('dialog', { name: `Reboot ${name}` });
  await dialog.getByRole('button', { name: 'Reboot', exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(`Instance ${server.id} is locked`);
  await expect(alert).toContainText(/Request ID:?\s*req-/);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // the page caught up: locked, and the member's actions say why they are off
  await expect(status(page)).toContainText('Locked');
  await actionsMenu(page).click();
  await expect(page.getByRole('menuitem', { name: /^Reboot/ })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: /^Reboot/ })).toContainText('The server is locked');
  await page.keyboard.press('Escape');
  expect((await alice.server(server.id))?.status).toBe('ACTIVE');

  await admin.call('POST', `/servers/${server.id}/action`, { unlock: null });
});

test('resize refuses smaller disks, then confirm keeps the new flavor', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await openPage(page);
  await (await menuItem(page, /^Resize/)).click();
  const dialog = page.getByRole('dialog', { name: `Resize ${name}` });
  await expect(dialog.getByRole('radio', { name: /^s3\.small\.1/ })).toBeDisabled();
  await expect(dialog.getByText('Its disk is smaller than the current')).toBeVisible();
  await expect(dialog.getByRole('radio', { name: /^s3\.medium\.2/ })).toBeDisabled();
  await dialog.getByRole('radio', { name: /^s3\.large\.2/ }).click();
  await dialog.getByLabel('Show API request and CLI').check();
  await expect(dialog.getByText('"flavorRef": "s3.large.2"')).toBeVisible();
  await expect(dialog.getByText(`openstack server resize --flavor s3.large.2 ${server.id}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Resize', exact: true }).click();

  const banner = page.getByRole('region', { name: 'Resize awaiting confirmation' });
  await expect(banner).toBeVisible({ timeout: 20_000 });
  await expect(banner).toContainText('s3.large.2');
  await banner.getByRole('button', { name: 'Confirm resize' }).click();
  const confirm = page.getByRole('dialog', { name: `Confirm the resize of ${name}` });
  await confirm.getByRole('button', { name: 'Confirm resize' }).click();
  await expect(banner).toBeHidden();
  await expect(status(page)).toHaveText(/Active/);
  await expect(page.getByText('s3.large.2', { exact: true })).toBeVisible();
  expect((await alice.server(server.id))?.flavor.id).toBe('s3.large.2');
});

test('resize then revert returns to the previous flavor', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await openPage(page);
  await (await menuItem(page, /^Resize/)).click();
  const dialog = page.getByRole('dialog', { name: `Resize ${name}` });
  await dialog.getByRole('radio', { name: /^c6\.large\.2/ }).click();
  await dialog.getByRole('button', { name: 'Resize', exact: true }).click();

  const banner = page.getByRole('region', { name: 'Resize awaiting confirmation' });
  await expect(banner).toContainText('c6.large.2', { timeout: 20_000 });
  await banner.getByRole('button', { name: 'Revert' }).click();
  const revert = page.getByRole('dialog', { name: `Revert the resize of ${name}` });
  await revert.getByLabel('Show API request and CLI').check();
  await expect(revert.getByText('"revertResize": null')).toBeVisible();
  await revert.getByRole('button', { name: 'Revert resize' }).click();
  await expect(banner).toBeHidden();
  await expect(status(page)).toHaveText(/Active/, { timeout: 20_000 });
  await expect(page.getByText('s3.large.2', { exact: true })).toBeVisible();
  await alice.waitForServer(server.id, (s) => s?.status === 'ACTIVE' && s.flavor.id === 's3.large.2');
});

test('rebuild with another image, a new name and metadata', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await openPage(page);
  const rebuilt = `${name}-rebuilt`;
  await (await menuItem(page, /^Rebuild/)).click();
  // the title follows the server's name, which the rebuild changes
  const dialog = page.getByRole('dialog', { name: new RegExp(`^Rebuild ${name}`) });
  await dialog.getByRole('combobox', { name: 'Image' }).fill('Debian');
  await page.getByRole('option', { name: /^Debian 11\.1\.0 64bit/ }).click();
  await dialog.getByRole('textbox', { name: 'New name' }).fill(rebuilt);
  await dialog.getByRole('button', { name: 'Add to Metadata' }).click();
  await dialog.getByRole('textbox', { name: 'Metadata key 1' }).fill('rebuilt-by');
  await dialog.getByRole('textbox', { name: 'Metadata value 1' }).fill('e2e');
  await dialog.getByLabel('Show API request and CLI').check();
  await expect(dialog.getByText('"rebuilt-by": "e2e"')).toBeVisible();
  await dialog.getByRole('button', { name: 'Rebuild', exact: true }).click();
  await expect(dialog.getByText('Rebuild started')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  name = rebuilt;
  await expect(page.getByRole('heading', { name: rebuilt, level: 1, exact: true })).toBeVisible();
  await expect(status(page)).toHaveText(/Active/, { timeout: 20_000 });
  await expect(page.getByRole('link', { name: 'Debian 11.1.0 64bit' })).toBeVisible();
  const after = await alice.server(server.id);
  expect(after?.metadata).toEqual({ 'rebuilt-by': 'e2e' });
  await expectActivity(page, 'Rebuild');
});

test('console output: lines, all lines, search with highlight, download', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await openPage(page, 'console');
  const log = page.getByRole('log', { name: 'Console output' });
  await page.getByRole('textbox', { name: 'Lines' }).fill('5');
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(page.getByText('Lines shown: 5')).toBeVisible();

  await page.getByLabel('All lines').check();
  await page.getByRole('button', { name: 'Fetch' }).click();
  await expect(log).toContainText('Linux version');
  await page.getByRole('textbox', { name: 'Search the output' }).fill('LOGIN:');
  const marks = log.locator('mark');
  await expect(marks.first()).toHaveText('login:');
  const count = await marks.count();
  await expect(page.getByText(`1 of ${count}`, { exact: true })).toBeVisible();
  await expect(marks.first()).toHaveAttribute('data-current', 'true');

  await expect(page.getByRole('switch', { name: 'Follow' })).toBeEnabled();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download .txt' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^e2e-actions-.*-console-\d{8}-\d{6}\.txt$/);
});

test('create an image, then boot a server from it, then delete that server', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await openPage(page);
  const imageName = uniqueName('e2e-image');
  await (await menuItem(page, /^Create image/)).click();
  const dialog = page.getByRole('dialog', { name: `Create an image of ${name}` });
  await dialog.getByRole('textbox', { name: 'Image name' }).fill(imageName);
  await dialog.getByLabel('Show API request and CLI').check();
  await expect(dialog.getByText(`"name": "${imageName}"`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Create image', exact: true }).click();
  await expect(dialog.getByText('Image creation started')).toBeVisible();
  const link = dialog.getByRole('link', { name: `Open image ${imageName}` });
  await expect(link).toBeVisible();
  await expect(dialog.getByText('Active', { exact: true })).toBeVisible({ timeout: 20_000 });
  const imageId = decodeURIComponent((await link.getAttribute('href'))!.split('/').pop()!);
  cleanup.push(() => alice.call('DELETE', `/images/${imageId}`, undefined, [204, 404]));
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  // the wizard is another page's job: boot from the image through the API
  const childName = uniqueName('e2e-from-image');
  const { server: child } = await alice.bootServer({ name: childName, flavorRef: 's3.medium.2', imageRef: imageId });
  cleanup.push(() => alice.deleteServer(child.id));
  await page.goto(`/servers/${child.id}`);
  await expect(page.getByRole('heading', { name: childName, level: 1, exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: imageName })).toBeVisible();

  await actionsMenu(page).click();
  await page.getByRole('menuitem', { name: /^Delete/ }).click();
  const del = page.getByRole('dialog', { name: `Delete ${childName}` });
  const submit = del.getByRole('button', { name: 'Delete server' });
  await expect(submit).toBeDisabled();
  await del.getByRole('textbox', { name: `Type ${childName} to confirm` }).fill(childName);
  await del.getByLabel('Show API request and CLI').check();
  await expect(del.getByText(`/v2.1/${alice.projectId}/servers/${child.id}`, { exact: true })).toBeVisible();
  await submit.click();
  await expect(page.getByText('This server has been deleted')).toBeVisible({ timeout: 20_000 });
  expect(await alice.server(child.id)).toBeNull();
});
