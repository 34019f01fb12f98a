import { expect, test, type Page } from '@playwright/test';
import { logIn } from './support/console-login.ts';
import { tenant as tenantNamed, type TenantName } from './support/tenants.ts';
import {
  cloudLogin,
  compute,
  createServer,
  imageId,
  inBatches,
  waitForStatus,
  type CloudSession,
  type Tenant,
} from './support/cloud-api.ts';

const IMAGE = 'Ubuntu 22.04 server 64bit';

/** A tenant of the spec's own with `count` ACTIVE servers named `${prefix}-001`… */
async function tenantWithServers(
  prefix: TenantName,
  count: number,
  shape: (index: number) => { flavorRef?: string; availability_zone?: string } = () => ({}),
): Promise<{ tenant: Tenant; session: CloudSession; ids: string[] }> {
  const tenant = tenantNamed(prefix);
  const session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const image = await imageId(session, IMAGE);
  const ids = await inBatches(
    Array.from({ length: count }, (_, i) => i + 1),
    4,
    (n) => createServer(session, { name: `${prefix}-${String(n).padStart(3, '0')}`, imageRef: image, networkId: tenant.network.id, ...shape(n) }),
  );
  await inBatches(ids, 4, (id) => waitForStatus(session, id, 'ACTIVE'));
  return { tenant, session, ids };
}

const table = (page: Page) => page.getByRole('table', { name: 'Servers' });
/** Rows of servers (not the loading skeleton's). */
const rows = (page: Page) => table(page).locator('tbody tr:not([aria-hidden="true"])');

/** Opens the list and waits for its first load (lazy chunks and several queries on 2 busy cores). */
async function openList(page: Page, path = '/servers') {
  await page.goto(path);
  await expect(rows(page).first()).toBeVisible({ timeout: 30_000 });
}
const firstName = (page: Page) => rows(page).first().getByRole('link');

/** The servers/detail requests the page sends, as URLs. */
function watchListRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (request.method() === 'GET' && url.pathname.endsWith('/servers/detail')) seen.push(url);
  });
  return seen;
}

test.describe('150 servers: pages, sort and filters through the API', () => {
  test.describe.configure({ mode: 'serial', timeout: 180_000 });
  let tenant: Tenant;

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const made = await tenantWithServers('fleet', 150, (n) => ({
      availability_zone: n % 3 === 0 ? 'az-2' : 'az-1',
      flavorRef: n % 5 === 0 ? 'c6.large.2' : 's3.medium.2',
    }));
    tenant = made.tenant;
    // three stopped servers, five tagged "blue"
    await inBatches(made.ids.slice(0, 3), 3, (id) => compute(made.session, 'POST', `/servers/${id}/action`, { 'os-stop': null }));
    await inBatches(made.ids.slice(0, 3), 3, (id) => waitForStatus(made.session, id, 'SHUTOFF'));
    await inBatches(made.ids.slice(10, 15), 5, (id) => compute(made.session, 'PUT', `/servers/${id}/tags`, { tags: ['blue'] }));
  });

  test('pages with limit and marker; sort and page live in the URL', async ({ page }) => {
    const requests = watchListRequests(page);
    await logIn(page, tenant.username, tenant.password);
    await openList(page);
    await expect(rows(page)).toHaveCount(20);
    await expect(page.getByText('Page 1 · 20 servers')).toBeVisible();

    // sort by name (spec 4.9 sort_key display_name)
    await table(page).getByRole('button', { name: 'Name' }).click();
    await expect(page).toHaveURL(/sort=display_name&dir=asc/);
    await expect(firstName(page)).toHaveText('fleet-001');
    expect(requests.some((url) => url.searchParams.get('sort_key') === 'display_name' && url.searchParams.get('sort_dir') === 'asc')).toBe(true);

    await page.getByRole('button', { name: 'Next' }).click();
    await expect(firstName(page)).toHaveText('fleet-021');
    await expect(page).toHaveURL(/after=/);
    const marker = requests.at(-1)?.searchParams.get('marker');
    expect(marker).toBeTruthy();
    expect(requests.at(-1)?.searchParams.get('limit')).toBe('20');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(firstName(page)).toHaveText('fleet-041');
    await expect(page.getByText('Page 3 · 20 servers')).toBeVisible();
    await page.getByRole('button', { name: 'Previous' }).click();
    await expect(firstName(page)).toHaveText('fleet-021');

    // a reload (or a shared link) shows the same page
    await page.reload();
    await expect(rows(page).first()).toBeVisible({ timeout: 30_000 });
    await expect(firstName(page)).toHaveText('fleet-021');

    // 100 per page: back to page 1, then the last 50
    await page.getByRole('combobox', { name: 'Servers per page' }).click();
    await page.getByRole('option', { name: '100 / page' }).click();
    await expect(rows(page)).toHaveCount(100);
    await expect(firstName(page)).toHaveText('fleet-001');
    await page.getByRole('button', { name: 'Next' }).click();
    await expect(rows(page)).toHaveCount(50);
    await expect(firstName(page)).toHaveText('fleet-101');
    await expect(page.getByRole('button', { name: 'Next' })).toBeDisabled();

    // descending
    await openList(page, '/servers?sort=display_name&dir=desc');
    await expect(firstName(page)).toHaveText('fleet-150');
  });

  test('filters go to the API and stay in the URL', async ({ page }) => {
    const requests = watchListRequests(page);
    await logIn(page, tenant.username, tenant.password);
    await openList(page, '/servers?sort=display_name&dir=asc');
    await expect(rows(page)).toHaveCount(20);

    await page.getByRole('search').getByLabel('Name').fill('fleet-01');
    await expect(page).toHaveURL(/name=fleet-01/);
    await expect(rows(page)).toHaveCount(10);
    await expect(firstName(page)).toHaveText('fleet-010');
    expect(requests.some((url) => url.searchParams.get('name') === 'fleet-01')).toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(rows(page)).toHaveCount(20);

    await page.getByRole('search').getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Stopped' }).click();
    await expect(page).toHaveURL(/status=SHUTOFF/);
    await expect(rows(page)).toHaveCount(3);
    expect(requests.some((url) => url.searchParams.get('status') === 'SHUTOFF')).toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await expect(page).not.toHaveURL(/status=/);

    // zone and flavor together: n % 3 == 0 and n % 5 == 0 → 10 servers
    await page.getByRole('search').getByRole('combobox', { name: 'Availability zone' }).click();
    await page.getByRole('option', { name: 'az-2' }).click();
    await page.getByRole('search').getByRole('combobox', { name: 'Flavor' }).click();
    await page.getByRole('option', { name: 'c6.large.2' }).click();
    await expect(page).toHaveURL(/az=az-2/);
    await expect(page).toHaveURL(/flavor=c6.large.2/);
    await expect(rows(page)).toHaveCount(10);
    await expect(firstName(page)).toHaveText('fleet-015');
    expect(requests.some((url) => url.searchParams.get('availability_zone') === 'az-2' && url.searchParams.get('flavor') === 'c6.large.2')).toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).first().click();

    // tags (microversion 2.26)
    await page.getByRole('button', { name: 'Tags and change time' }).click();
    const tags = page.getByRole('search').getByLabel('Has all tags', { exact: true });
    await tags.fill('blue');
    await tags.press('Enter');
    await expect(page).toHaveURL(/tags=blue/);
    await expect(rows(page)).toHaveCount(5);
    await expect(firstName(page)).toHaveText('fleet-011');
    expect(requests.some((url) => url.searchParams.get('tags') === 'blue')).toBe(true);

    // the filters survive a reload
    await page.reload();
    await expect(rows(page).first()).toBeVisible({ timeout: 30_000 });
    await expect(rows(page)).toHaveCount(5);
    await expect(page.getByRole('search').getByLabel('Has all tags', { exact: true })).toBeVisible();
  });

  test('the column choice persists', async ({ page }) => {
    await logIn(page, tenant.username, tenant.password);
    await openList(page);
    await expect(table(page).getByRole('columnheader', { name: 'Image' })).toBeVisible();
    await page.getByRole('button', { name: 'Columns' }).click();
    await page.getByRole('checkbox', { name: 'Image' }).uncheck();
    await page.getByRole('button', { name: 'Move Tags up' }).click();
    await page.keyboard.press('Escape');
    await expect(table(page).getByRole('columnheader', { name: 'Image' })).toHaveCount(0);
    await page.reload();
    await expect(rows(page).first()).toBeVisible({ timeout: 30_000 });
    await expect(table(page).getByRole('columnheader', { name: 'Image' })).toHaveCount(0);
    const headers = await table(page).getByRole('columnheader').allTextContents();
    expect(headers.indexOf('Tags')).toBeLessThan(headers.indexOf('Key pair'));
  });
});

test('bulk reboot runs on the eligible part, lists each outcome, and retries the failed one', async ({ page }) => {
  const { tenant, session, ids } = await tenantWithServers('bulk', 3);
  const [one, two, three] = ids;
  await compute(session, 'POST', `/servers/${three}/action`, { 'os-stop': null });
  await waitForStatus(session, three, 'SHUTOFF');

  await logIn(page, tenant.username, tenant.password);
  await openList(page, '/servers?sort=display_name&dir=asc');
  await expect(rows(page)).toHaveCount(3);

  // an administrator locks bulk-002 behind the member's back
  const admin = await cloudLogin('admin', 'admin', 'admin');
  const adminAction = (id: string, body: unknown) =>
    fetch(`${process.env.E2E_CLOUD_URL}/v2.1/${admin.projectId}/servers/${id}/action`, {
      method: 'POST',
      headers: { 'X-Auth-Token': admin.token, 'Content-Type': 'application/json', 'X-OpenStack-Nova-API-Version': '2.26' },
      body: JSON.stringify(body),
    });
  expect((await adminAction(two, { lock: null })).status).toBe(202);

  for (const name of ['bulk-001', 'bulk-002', 'bulk-003']) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  const toolbar = page.getByRole('toolbar', { name: 'Actions on the selected servers' });
  await expect(toolbar.getByText('3 selected')).toBeVisible();
  await toolbar.getByRole('button', { name: 'Reboot' }).click();
  await page.getByRole('menuitem', { name: 'Reboot', exact: true }).click();

  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('2 of 3: 1 skipped, wrong state')).toBeVisible();
  await dialog.getByRole('button', { name: 'Reboot' }).click();

  const results = page.getByRole('region', { name: 'Outcome of the bulk action' });
  await expect(results.getByText('1 accepted, 1 failed')).toBeVisible();
  await expect(results).toContainText('Reboot — 2 of 3: 1 skipped, wrong state');
  const outcome = (name: string) => results.getByRole('row').filter({ hasText: name });
  await expect(outcome('bulk-001')).toContainText('Accepted');
  await expect(outcome('bulk-002')).toContainText('Failed');
  await expect(outcome('bulk-002')).toContainText(`Instance ${two} is locked`);
  await expect(outcome('bulk-003')).toContainText('Skipped');
  await expect(outcome('bulk-003')).toContainText("Not possible in the server's current state.");

  // the cloud did reboot the first one, and only that one
  const actions = await compute<{ instanceActions: { action: string }[] }>(session, 'GET', `/servers/${one}/os-instance-actions`);
  expect(actions.instanceActions.map((a) => a.action)).toContain('reboot');

  expect((await adminAction(two, { unlock: null })).status).toBe(202);
  await results.getByRole('button', { name: 'Retry the failed one' }).click();
  await expect(results.getByText('2 accepted, 0 failed')).toBeVisible();
  await expect(outcome('bulk-002')).toContainText('Accepted');
});

test('actions are enabled by state, and a lock disables them for a member', async ({ page }) => {
  const { tenant, session, ids } = await tenantWithServers('state', 2);
  await compute(session, 'POST', `/servers/${ids[1]}/action`, { 'os-stop': null });
  await waitForStatus(session, ids[1], 'SHUTOFF');
  await logIn(page, tenant.username, tenant.password);
  await openList(page);
  await expect(rows(page)).toHaveCount(2);

  const menuOf = async (name: string) => {
    await page.getByRole('button', { name: `Actions for ${name}` }).click();
    return page.getByRole('menu');
  };
  let menu = await menuOf('state-002');
  await expect(menu.getByRole('menuitem', { name: 'Start', exact: true })).toBeEnabled();
  await expect(menu.getByRole('menuitem', { name: 'Stop' })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Reboot', exact: true })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Hard reboot' })).toBeEnabled();
  await page.keyboard.press('Escape');

  menu = await menuOf('state-001');
  await expect(menu.getByRole('menuitem', { name: 'Start', exact: true })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Stop' })).toBeEnabled();
  await expect(menu.getByRole('menuitem', { name: 'Unlock' })).toBeDisabled();
  await menu.getByRole('menuitem', { name: 'Lock', exact: true }).click();
  const row = rows(page).filter({ hasText: 'state-001' });
  await expect(row.getByLabel('Locked')).toBeVisible();

  menu = await menuOf('state-001');
  await expect(menu.getByRole('menuitem', { name: 'Stop' })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Stop' })).toHaveAttribute('title', 'The server is locked; only an administrator can change it.');
  await expect(menu.getByRole('menuitem', { name: 'Delete' })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Lock', exact: true })).toBeDisabled();
  await expect(menu.getByRole('menuitem', { name: 'Unlock' })).toBeEnabled();
  await page.keyboard.press('Escape');

  // in bulk, the locked one is skipped and the stopped one is started
  await page.getByRole('checkbox', { name: 'Select all rows' }).check();
  await page.getByRole('toolbar').getByRole('button', { name: 'Start' }).click();
  await expect(page.getByRole('dialog').getByText('1 of 2: 1 skipped, locked')).toBeVisible();
});

test('live status: changes-since, fast while a server changes, rows updated in place', async ({ page }) => {
  const { tenant } = await tenantWithServers('live', 3);
  await logIn(page, tenant.username, tenant.password);
  const requests = watchListRequests(page);
  let full = 0;
  // the list's first load shows live-002 as still building; the cloud's own answer (ACTIVE)
  // must then arrive through an incremental refresh
  await page.route((url) => url.pathname.endsWith('/servers/detail') && url.searchParams.get('limit') === '20', async (route) => {
    full += 1;
    const response = await route.fetch();
    const body = (await response.json()) as { servers: Array<Record<string, unknown>> };
    if (full === 1) {
      for (const server of body.servers) {
        if (server.name === 'live-002') Object.assign(server, { status: 'BUILD', 'OS-EXT-STS:vm_state': 'building', 'OS-EXT-STS:task_state': 'spawning', progress: 40 });
      }
    }
    await route.fulfill({ response, json: body });
  });
  // the incremental answers come a little late, so the building row can be seen first
  await page.route(
    (url) => url.pathname.endsWith('/servers/detail') && url.searchParams.has('changes-since'),
    async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 4000));
      await route.continue();
    },
  );
  await page.goto('/servers');
  const row = rows(page).filter({ hasText: 'live-002' });
  await expect(row.getByTitle('Build progress 40%')).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText('Spawning')).toBeVisible();

  await expect(row.getByText('Active')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('status', { name: 'Refresh status' })).toContainText('Up to date');
  const incremental = requests.filter((url) => url.searchParams.has('changes-since'));
  expect(incremental.length).toBeGreaterThan(0);
  // the incremental query asks for changes only: no page, no filters
  expect(incremental[0].searchParams.get('limit')).toBeNull();
  expect(full).toBe(1);
  await expect(rows(page)).toHaveCount(3);
});

test('live status can be paused', async ({ page }) => {
  const { tenant } = await tenantWithServers('pause', 1);
  // every answer shows the server rebooting, so the page keeps refreshing until paused
  await page.route((url) => url.pathname.endsWith('/servers/detail'), async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { servers: Array<Record<string, unknown>> };
    for (const server of body.servers) Object.assign(server, { status: 'REBOOT', 'OS-EXT-STS:task_state': 'reboot_started' });
    await route.fulfill({ response, json: body });
  });
  const requests = watchListRequests(page);
  const incremental = () => requests.filter((url) => url.searchParams.has('changes-since')).length;
  await logIn(page, tenant.username, tenant.password);
  await openList(page);
  await expect(rows(page).first().getByText('Rebooting')).toBeVisible();
  await expect(page.getByRole('status', { name: 'Refresh status' })).toContainText('Live');
  await expect.poll(incremental, { timeout: 15_000 }).toBeGreaterThan(1);

  await page.getByRole('switch', { name: 'Live updates' }).click({ force: true });
  await expect(page.getByRole('status', { name: 'Refresh status' })).toContainText('Paused');
  const before = incremental();
  await page.waitForTimeout(5000);
  expect(incremental()).toBe(before);

  await page.getByRole('switch', { name: 'Live updates' }).click({ force: true });
  await expect.poll(incremental, { timeout: 15_000 }).toBeGreaterThan(before);
  // the page keeps polling: a request still in the handler when the page closes is not a failure
  await page.unrouteAll({ behavior: 'ignoreErrors' });
});

test("a change in one tab shows in the user's other tabs at once (BroadcastChannel)", async ({ page, context }) => {
  const { tenant } = await tenantWithServers('tabs', 1);
  await logIn(page, tenant.username, tenant.password);
  await openList(page);
  const other = await context.newPage();
  await openList(other);
  await expect(rows(other)).toHaveCount(1);
  await expect(rows(other).first().getByLabel('Locked')).toHaveCount(0);

  await page.getByRole('button', { name: 'Actions for tabs-001' }).click();
  await page.getByRole('menuitem', { name: 'Lock', exact: true }).click();
  await expect(rows(page).first().getByLabel('Locked')).toBeVisible();
  // nothing is changing state, so the other tab polls at its idle pace (10 s): only the
  // broadcast can refresh it this soon
  await expect(rows(other).first().getByLabel('Locked')).toBeVisible({ timeout: 5000 });
});

test('a server in ERROR is flagged with the fault and the request id of its last action', async ({ page }) => {
  const tenant = tenantNamed('fault');
  const session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const image = await imageId(session, IMAGE);
  const group = await compute<{ server_group: { id: string } }>(session, 'POST', '/os-server-groups', {
    server_group: { name: 'spread', policies: ['anti-affinity'] },
  });
  // az-2 has one host: the second member of an anti-affinity group finds none (NoValidHost)
  const create = (name: string) =>
    compute<{ server: { id: string } }>(session, 'POST', '/servers', {
      server: { name, flavorRef: 's3.medium.2', imageRef: image, networks: [{ uuid: tenant.network.id }], availability_zone: 'az-2' },
      'os:scheduler_hints': { group: group.server_group.id },
    });
  const first = await create('fault-ok');
  await waitForStatus(session, first.server.id, 'ACTIVE');
  const second = await create('fault-err');
  await waitForStatus(session, second.server.id, 'ERROR');
  const actions = await compute<{ instanceActions: { request_id: string }[] }>(session, 'GET', `/servers/${second.server.id}/os-instance-actions`);

  await logIn(page, tenant.username, tenant.password);
  await openList(page);
  const row = rows(page).filter({ hasText: 'fault-err' });
  const note = row.getByRole('note', { name: 'Needs attention' });
  await expect(note).toContainText('Error: No valid host was found.');
  await expect(note.getByRole('button', { name: `Request ID ${actions.instanceActions[0].request_id}` })).toBeVisible();
  await expect(rows(page).filter({ hasText: 'fault-ok' }).getByRole('note')).toHaveCount(0);
});

test('the command palette finds a server by name, IP or id and opens it or runs an action', async ({ page }) => {
  const { tenant, session, ids } = await tenantWithServers('palette', 2);
  const detail = await compute<{ server: { addresses: Record<string, { addr: string }[]> } }>(session, 'GET', `/servers/${ids[1]}`);
  const ip = Object.values(detail.server.addresses)[0][0].addr;
  await logIn(page, tenant.username, tenant.password);
  await openList(page);
  await expect(rows(page)).toHaveCount(2);

  await page.keyboard.press('Control+K');
  const search = page.getByRole('dialog', { name: 'Command palette' }).getByRole('textbox');
  await search.fill(ip);
  await expect(page.getByRole('button', { name: 'Open palette-002' })).toBeVisible();
  await search.fill(ids[0]);
  await expect(page.getByRole('button', { name: 'Open palette-001' })).toBeVisible();
  await search.fill('palette-002');
  await page.getByRole('button', { name: 'Lock palette-002' }).click();
  await expect(rows(page).filter({ hasText: 'palette-002' }).getByLabel('Locked')).toBeVisible();
  await expect.poll(async () => (await compute<{ server: { locked: boolean } }>(session, 'GET', `/servers/${ids[1]}`)).server.locked).toBe(true);

  await page.keyboard.press('Control+K');
  await search.fill('palette-001');
  await page.getByRole('button', { name: 'Open palette-001' }).click();
  await expect(page).toHaveURL(new RegExp(`/servers/${ids[0]}$`));
});

test('status badges are never cut at 1440 px, every column shown, in both languages', async ({ browser }) => {
  const { tenant, session, ids } = await tenantWithServers('badges', 3, (n) => ({ flavorRef: n === 1 ? 'c6.large.2' : 's3.medium.2' }));
  await compute(session, 'POST', `/servers/${ids[0]}/action`, { 'os-stop': null });
  await compute(session, 'PUT', `/servers/${ids[1]}/tags`, { tags: ['prod', 'web'] });
  await waitForStatus(session, ids[0], 'SHUTOFF');
  for (const locale of ['en-US', 'zh-CN']) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await logIn(page, tenant.username, tenant.password);
    await page.evaluate((language) => {
      localStorage.setItem('ecs-console.language', language === 'zh-CN' ? 'zh-CN' : 'en');
      // every column, the widest the table gets
      localStorage.setItem('ecs-console.servers.columns', JSON.stringify({ order: [], hidden: [] }));
    }, locale);
    await page.goto('/servers');
    await expect(page.locator('main table tbody tr:not([aria-hidden="true"])')).toHaveCount(3, { timeout: 30_000 });
    const cut = await page.locator('main table .mantine-Badge-label').evaluateAll((labels) =>
      labels.filter((label) => label.scrollWidth > label.clientWidth).map((label) => `${label.textContent} (${label.scrollWidth} > ${label.clientWidth})`),
    );
    expect(cut, `${locale}: cut badges`).toEqual([]);
    await context.close();
  }
});
