// The Ctrl/⌘+K palette is the shell's: it works on every signed-in page, not only in the
// servers area, and its code loads on the first press. It finds pages, actions and servers;
// the first match is selected, so Enter runs it. A tenant of the spec's own.
import { expect, test, type Page } from '@playwright/test';
import { logIn } from './support/console-login.ts';
import { tenant } from './support/tenants.ts';
import { cloudLogin, compute, createServer, getServer, imageId, inBatches, waitForStatus, type CloudSession } from './support/cloud-api.ts';
import { uniqueName } from './support/cloud-servers.ts';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

const owner = tenant('shortcut');
let session: CloudSession;
const servers: { id: string; name: string }[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  session = await cloudLogin(owner.username, owner.password, owner.project);
  const image = await imageId(session, 'Ubuntu 22.04 server 64bit');
  const names = [uniqueName('gpal-open'), uniqueName('gpal-stop')];
  const ids = await inBatches(names, 2, (name) => createServer(session, { name, imageRef: image, networkId: owner.network.id }));
  await inBatches(ids, 2, (id) => waitForStatus(session, id, 'ACTIVE'));
  servers.push(...ids.map((id, i) => ({ id, name: names[i] })));
});

test.afterAll(async () => {
  await inBatches(servers, 2, (s) => compute(session, 'DELETE', `/servers/${s.id}`, undefined, [204, 404]).catch(() => undefined));
});

/** A page outside the servers area, fully shown (its own lazy chunk and query done). */
async function openFlavors(page: Page) {
  await page.goto('/flavors');
  await expect(page.getByRole('table', { name: 'Flavors' }).locator('tbody tr:not([aria-hidden="true"])').first()).toBeVisible({ timeout: 30_000 });
}

const search = (page: Page) => page.getByRole('dialog', { name: 'Command palette' }).getByRole('textbox');

test('Ctrl+K on the flavors page opens the palette at the first press; a server found by name opens', async ({ page }) => {
  const [target] = servers;
  const paletteChunks: string[] = [];
  page.on('request', (request) => {
    if (/\/assets\/server-palette-[^/]+\.js$/.test(request.url())) paletteChunks.push(request.url());
  });
  await logIn(page, owner.username, owner.password);
  await openFlavors(page);
  // the palette's code is not part of the shell: nothing of it loaded yet
  expect(paletteChunks).toEqual([]);

  await page.keyboard.press('Control+K');
  await expect(search(page)).toBeVisible();
  await expect(search(page)).toBeFocused();
  expect(paletteChunks).toHaveLength(1);
  await search(page).fill(target.name);
  await page.getByRole('button', { name: `Open ${target.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/servers/${target.id}$`));
  await expect(page.getByRole('heading', { name: target.name, level: 1, exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(search(page)).toBeHidden();

  // the header's search button opens the same, single palette
  await page.getByRole('button', { name: 'Search pages, actions and servers' }).click();
  await expect(search(page)).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(search(page)).toBeHidden();
});

test('an action run from the palette on the flavors page reaches the server', async ({ page }) => {
  const target = servers[1];
  await logIn(page, owner.username, owner.password);
  await openFlavors(page);

  // the shortcut works while the focus is in a form field too (the flavors' search here)
  await page.getByRole('textbox').first().focus();
  await page.keyboard.press('Control+K');
  await search(page).fill(target.name);
  // an ACTIVE server is offered stop, not start
  await expect(page.getByRole('button', { name: `Stop ${target.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Start ${target.name}` })).toHaveCount(0);
  await page.getByRole('button', { name: `Stop ${target.name}` }).click();
  await expect(search(page)).toBeHidden();
  // stopping is disruptive: asked first, naming the server, as everywhere else
  const ask = page.getByRole('dialog', { name: `Stop ${target.name}?` });
  await ask.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByText(`Stop: ${target.name} — request accepted`)).toBeVisible();
  await expect(page).toHaveURL(/\/flavors$/);
  await waitForStatus(session, target.id, 'SHUTOFF');

  // the palette reads the server afresh: now start is offered, not stop
  await page.keyboard.press('Control+K');
  await search(page).fill(target.name);
  await expect(page.getByRole('button', { name: `Start ${target.name}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `Stop ${target.name}` })).toHaveCount(0);
  await page.getByRole('button', { name: `Lock ${target.name}` }).click();
  await expect(page.getByText(`Lock: ${target.name} — request accepted`)).toBeVisible();
  await expect.poll(async () => (await getServer(session, target.id)).locked).toBe(true);
  await compute(session, 'POST', `/servers/${target.id}/action`, { unlock: null });
});

test('Enter runs the first match: a server found by name, a page, and "reboot" on the server of the page', async ({ page }) => {
  const [target] = servers;
  await logIn(page, owner.username, owner.password);
  await openFlavors(page);

  // typed and Enter at once, before the servers arrived: the first match opens when it is here
  await page.keyboard.press('Control+K');
  await search(page).fill(target.name);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/servers/${target.id}$`));
  await expect(page.getByRole('heading', { name: target.name, level: 1, exact: true })).toBeVisible({ timeout: 30_000 });

  // "reboot" on a server's page lists that server's reboots, the first one selected
  await page.keyboard.press('Control+K');
  await search(page).fill('reboot');
  const first = page.getByRole('dialog', { name: 'Command palette' }).getByRole('button').first();
  await expect(first).toHaveText(`Reboot ${target.name}`);
  await expect(first).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('Enter');
  const ask = page.getByRole('dialog', { name: `Reboot ${target.name}?` });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeHidden();

  // a page by its name
  await page.keyboard.press('Control+K');
  await search(page).fill('volu');
  await expect(page.getByRole('button', { name: 'Go to Volumes' })).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/volumes$/);
});
