// A write whose answer never comes: the console says the outcome is unknown, sends nothing
// twice, reads the server again at once and shows what the cloud says. A cloud of the spec's
// own, with faults injected (CLOUD_FAULTS) on two routes: a rename is applied and its answer
// cut (`dropAnswer`, what a slow cloud does to a client that gave up), an action's connection
// is cut before the cloud handles it (`drop`: nothing applied).
import { expect, type Page } from '@playwright/test';
import { logIn } from './support/console-login.ts';
import { CloudSession } from './support/cloud-servers.ts';
import { testWithOwnConsole } from './support/own-console.ts';

const test = testWithOwnConsole({
  CLOUD_FAULTS: JSON.stringify([
    { route: '^PUT /v2\\.1/[^/]+/servers/[^/?]+$', dropAnswer: 1 },
    { route: '^POST /v2\\.1/[^/]+/servers/[^/?]+/action$', drop: 1 },
  ]),
});
test.describe.configure({ mode: 'serial', timeout: 120_000 });

/** The calls the console's gateway sent to the cloud since `after` (its test hook). */
async function upstreamCalls(console: string, after = 0): Promise<{ total: number; calls: { method: string; path: string }[] }> {
  const res = await fetch(`${console}/auth/test/upstream-calls?after=${after}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { total: number; calls: { method: string; path: string }[] };
}

function browserWrites(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    if (request.method() !== 'GET') seen.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  return seen;
}

test('a rename the cloud applied but never answered: "outcome unknown", sent once, then the new name from the cloud', async ({ page, own }) => {
  const alice = await CloudSession.login('alice', 'alice', 'alpha', own.cloudUrl);
  const { servers } = await alice.call<{ servers: { id: string; name: string }[] }>('GET', '/servers?name=^web-01$');
  const server = servers[0];

  await logIn(page, 'alice', 'alice');
  await page.goto(`/servers/${server.id}`);
  await expect(page.getByRole('heading', { name: 'web-01', level: 1, exact: true })).toBeVisible({ timeout: 30_000 });
  const before = (await upstreamCalls(own.url)).total;
  const writes = browserWrites(page);

  await page.getByRole('button', { name: 'Edit Server name' }).first().click();
  await page.getByRole('textbox', { name: 'Server name' }).fill('web-01-renamed');
  await page.getByRole('button', { name: 'Save' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'Outcome unknown' });
  await expect(alert).toBeVisible({ timeout: 30_000 });
  await expect(alert).toContainText('may or may not have applied it');
  // re-read at once: the page shows the cloud's answer, the name it did apply
  await expect(page.getByRole('tabpanel', { name: 'Overview' }).getByText('web-01-renamed', { exact: true })).toBeVisible();
  expect((await alice.server(server.id))?.name).toBe('web-01-renamed');

  // nothing was sent twice: by the browser, nor by the gateway (the console's only way to the
  // cloud; a rename leaves no instance action to count there, as in Nova)
  expect(writes.filter((w) => w.startsWith('PUT '))).toEqual([`PUT /api/compute/v2.1/${alice.projectId}/servers/${server.id}`]);
  const sent = (await upstreamCalls(own.url, before)).calls.filter((c) => c.method === 'PUT');
  expect(sent.map((c) => c.path)).toEqual([`/v2.1/${alice.projectId}/servers/${server.id}`]);
});

test('an action whose connection was cut: "outcome unknown", sent once, and the row shows the cloud did not apply it', async ({ page, own }) => {
  const alice = await CloudSession.login('alice', 'alice', 'alpha', own.cloudUrl);
  const { servers } = await alice.call<{ servers: { id: string }[] }>('GET', '/servers?name=^web-02$');
  const id = servers[0].id;

  await logIn(page, 'alice', 'alice');
  await page.goto('/servers');
  const row = page.getByRole('table', { name: 'Servers' }).locator('tbody tr').filter({ has: page.getByRole('link', { name: 'web-02', exact: true }) });
  await expect(row).toBeVisible({ timeout: 30_000 });
  const before = (await upstreamCalls(own.url)).total;
  const writes = browserWrites(page);

  await page.getByRole('button', { name: 'Actions for web-02' }).click();
  await page.getByRole('menuitem', { name: 'Lock', exact: true }).click();

  await expect(page.getByRole('alert').filter({ hasText: 'Outcome unknown' })).toBeVisible({ timeout: 30_000 });
  // the server as the cloud has it: not locked (the request never reached the handler)
  await expect(row.getByLabel('Locked')).toHaveCount(0);
  expect((await alice.server(id))?.locked).toBe(false);
  // give an automatic retry every chance to happen: there is none
  await page.waitForTimeout(3000);
  expect(writes).toEqual([`POST /api/compute/v2.1/${alice.projectId}/servers/${id}/action`]);
  const sent = (await upstreamCalls(own.url, before)).calls.filter((c) => c.method === 'POST');
  expect(sent.map((c) => c.path)).toEqual([`/v2.1/${alice.projectId}/servers/${id}/action`]);
});
