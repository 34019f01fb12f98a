import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { logIn } from './support/console-login.ts';
import { cloudLogin, compute, createServer, getServer, imageId, waitForStatus } from './support/cloud-api.ts';
import { tenant } from './support/tenants.ts';

const IMAGE = 'Ubuntu 22.04 server 64bit';
const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();
const step = (page: Page, name: string) => page.getByRole('region', { name });
/** The wizard's name field (not the list's name filter, which a slow navigation may still show). */
const nameField = (page: Page) => step(page, 'Name').getByRole('textbox', { name: 'Name' });

async function openWizard(page: Page) {
  await page.goto('/servers/create');
  await expect(nameField(page)).toBeVisible({ timeout: 30_000 });
}

/** Name → image → flavor, the steps every test goes through. */
async function fillFirstSteps(page: Page, name: string, flavor = 's3.medium.2') {
  await nameField(page).fill(name);
  await next(page);
  await page.getByRole('radio', { name: IMAGE }).click();
  await next(page);
  await page.getByRole('radio', { name: flavor }).check();
  await next(page);
  await expect(step(page, 'Network')).toBeVisible();
}

test('creates a server through the wizard with a new key pair and user data', async ({ page }) => {
  const t = tenant('wizard');
  const prefix = t.network.cidr.split('.').slice(0, 2).join('.');
  await logIn(page, t.username, t.password);
  await page.goto('/servers');
  // the header's button (an empty list offers a second one in its empty state)
  await page.getByRole('link', { name: 'Create server' }).first().click();
  await expect(page).toHaveURL(/\/servers\/create$/);

  // name and zone
  const name = nameField(page);
  await expect(name).toBeVisible({ timeout: 30_000 });
  await name.fill('web-1 ');
  await expect(page.getByText('No spaces at the start or end')).toBeVisible();
  await next(page);
  await expect(step(page, 'Name')).toBeVisible();
  await name.fill('e2e-web-1');
  await page.getByRole('combobox', { name: 'Availability zone' }).click();
  await page.getByRole('option', { name: 'az-1' }).click();
  await next(page);

  // image: search, OS, minimums
  await expect(step(page, 'Image')).toBeVisible();
  await page.getByRole('textbox', { name: 'Search images' }).fill('ubuntu 22');
  // the image cards only (the boot source switch has radios of its own)
  await expect(page.getByRole('radiogroup', { name: 'Image' }).getByRole('radio')).toHaveCount(1);
  await expect(page.getByRole('radio', { name: IMAGE })).toContainText('min disk 40 GB');
  await page.getByRole('radio', { name: IMAGE }).click();
  await next(page);

  // flavor: only those that fit the image (disk ≥ 40 GB)
  const flavors = page.getByRole('table', { name: 'Flavors' });
  await expect(flavors.getByRole('row', { name: /s3\.medium\.2/ })).toBeVisible();
  await expect(flavors.getByRole('row', { name: /s3\.small\.1/ })).toHaveCount(0);
  await page.getByRole('radio', { name: 's3.medium.2' }).check();
  await next(page);

  // network: the fixed IP is checked (the range too when the cloud publishes it; spec 21.1's
  // os-networks does not, so the cloud checks that on create)
  await expect(step(page, 'Network')).toBeVisible();
  const fixedIp = page.getByRole('textbox', { name: 'Fixed IP (optional)' });
  await fixedIp.fill('10.1.2.300');
  await expect(page.getByText('Enter an IPv4 address like 192.168.0.10')).toBeVisible();
  await next(page);
  await expect(step(page, 'Network')).toBeVisible();
  await fixedIp.fill(`${prefix}.7.50`);
  await next(page);

  // key pair: created here, its private key downloaded at once
  await expect(step(page, 'Key pair')).toBeVisible();
  await page.getByText('Create a key pair').click();
  await page.getByRole('textbox', { name: 'New key pair name' }).fill('e2e-key');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Create and download' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('e2e-key.pem');
  expect(readFileSync(await file.path(), 'utf8')).toContain('PRIVATE KEY');
  await expect(page.getByText('Key pair e2e-key created')).toBeVisible();
  await next(page);

  // advanced: user data and a tag
  await expect(step(page, 'Advanced')).toBeVisible();
  const script = '#!/bin/sh\necho "hello from e2e" > /tmp/hello\n';
  await page.getByRole('textbox', { name: 'Script or cloud-init configuration' }).fill(script);
  const encoded = Buffer.from(script).toString('base64');
  await expect(page.getByText(`${encoded.length} of 65535 characters encoded`)).toBeVisible();
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill('e2e');
  await tags.press('Enter');
  await next(page);

  // review: quota impact and the exact request
  const review = step(page, 'Review');
  await expect(review.getByText('Uses 1 of 400 vCPUs — 1 of 400 in use after it')).toBeVisible();
  await expect(review.getByText('Uses 1 of 200 instances — 1 of 200 in use after it')).toBeVisible();
  const preview = review.getByLabel('API request', { exact: true });
  await expect(preview).toContainText(`POST`);
  await expect(preview).toContainText(`/v2.1/${t.projectId}/servers`);
  await expect(preview).toContainText(`"user_data": "${encoded}"`);
  await expect(preview).toContainText('"key_name": "e2e-key"');
  await expect(preview).toContainText(`"fixed_ip": "${prefix}.7.50"`);
  await expect(preview).toContainText('openstack server create --flavor s3.medium.2');
  await page.getByRole('button', { name: 'Create server' }).click();

  // lands on the new server's page
  await expect(page).toHaveURL(/\/servers\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  const id = page.url().split('/').at(-1)!;
  await expect(page.getByRole('heading', { name: 'e2e-web-1', level: 1 })).toBeVisible({ timeout: 30_000 });

  // what the cloud got
  const session = await cloudLogin(t.username, t.password, t.project);
  const server = await waitForStatus(session, id, 'ACTIVE');
  const full = await compute<{ server: Record<string, unknown> }>(session, 'GET', `/servers/${id}`);
  expect(full.server.key_name).toBe('e2e-key');
  expect(full.server['OS-EXT-AZ:availability_zone']).toBe('az-1');
  expect(JSON.stringify(full.server.addresses)).toContain(`${prefix}.7.50`);
  expect(server.name).toBe('e2e-web-1');
  // user data is shown to admins only (extended attributes)
  const admin = await cloudLogin('admin', 'admin', 'admin');
  const asAdmin = await fetch(`${process.env.E2E_CLOUD_URL}/v2.1/${admin.projectId}/servers/${id}`, {
    headers: { 'X-Auth-Token': admin.token, 'X-OpenStack-Nova-API-Version': '2.26' },
  });
  expect(((await asAdmin.json()) as { server: Record<string, unknown> }).server['OS-EXT-SRV-ATTR:user_data']).toBe(encoded);
  // the tag is set once the server is active (2.26 has no tags on create)
  await expect.poll(async () => (await getServer(session, id)).tags, { timeout: 30_000 }).toEqual(['e2e']);
});

test('quota excess is shown before submitting, and the API’s over-quota answer after', async ({ page, browser }) => {
  test.setTimeout(120_000);
  // cores quota 1: a 2-vCPU flavor does not fit
  const tight = tenant('tight');
  await logIn(page, tight.username, tight.password);
  await openWizard(page);
  await fillFirstSteps(page, 'too-big', 'c6.large.2');
  await expect(page.getByRole('table', { name: 'Flavors' })).toHaveCount(0);
  for (const name of ['Key pair', 'Advanced', 'Review']) {
    await next(page);
    await expect(step(page, name)).toBeVisible();
  }
  const review = step(page, 'Review');
  await expect(review.getByRole('alert').filter({ hasText: "This server would exceed the project's quota" })).toBeVisible();
  await expect(review.getByText('Uses 2 of 1 vCPUs — 2 of 1 in use after it')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create server' })).toBeDisabled();

  // instances quota 1: the wizard saw 0 of 1 used, then another server took the place
  const over = tenant('overquota');
  page = await browser.newPage();
  await logIn(page, over.username, over.password);
  await openWizard(page);
  await fillFirstSteps(page, 'second');
  for (const name of ['Key pair', 'Advanced', 'Review']) {
    await next(page);
    await expect(step(page, name)).toBeVisible();
  }
  await expect(step(page, 'Review').getByText('Uses 1 of 1 instances — 1 of 1 in use after it')).toBeVisible();
  const session = await cloudLogin(over.username, over.password, over.project);
  await createServer(session, { name: 'first', imageRef: await imageId(session, IMAGE), networkId: over.network.id });
  await page.getByRole('button', { name: 'Create server' }).click();
  const answer = step(page, 'Review').getByRole('alert').filter({ hasText: 'Quota exceeded' });
  await expect(answer).toBeVisible();
  await expect(answer).toContainText('The cloud refused the server: over quota');
  await expect(answer).toContainText('instances');
  await expect(answer).toContainText('Request ID');
  await expect(page).toHaveURL(/\/servers\/create/);
});

test('every field is checked before anything is sent', async ({ page }) => {
  const t = tenant('draft');
  await logIn(page, t.username, t.password);
  const sent: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/servers')) sent.push(request.url());
  });
  await openWizard(page);
  // nothing chosen: Next stays on the step and says why
  await next(page);
  await expect(page.getByText('Required')).toBeVisible();
  await nameField(page).fill('checked');
  await next(page);
  await expect(step(page, 'Image')).toBeVisible();
  await next(page);
  await expect(page.getByText('Choose an image')).toBeVisible();
  await page.getByRole('radio', { name: IMAGE }).click();
  await next(page);
  await expect(step(page, 'Flavor')).toBeVisible();
  await page.getByRole('radio', { name: 's3.medium.2' }).check();
  await next(page);
  await expect(step(page, 'Network')).toBeVisible();
  await next(page);
  await expect(step(page, 'Key pair')).toBeVisible();
  await next(page);
  const advanced = step(page, 'Advanced');
  await page.getByRole('textbox', { name: 'Script or cloud-init configuration' }).fill('x'.repeat(50_000));
  await expect(advanced.getByText('Encoded in base64 it is 66668 characters; the limit is 65535')).toBeVisible();
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill('.hidden');
  await tags.press('Enter');
  await expect(advanced.getByText('A tag cannot start with “.”')).toBeVisible();
  await advanced.getByRole('button', { name: 'Add to Metadata' }).click();
  await advanced.getByRole('textbox', { name: 'Metadata key 1' }).fill('bad/key');
  await expect(advanced.getByText('Key: only letters, digits, spaces and - _ : .')).toBeVisible();
  await next(page);
  await expect(advanced).toBeVisible();

  // the review step refuses too: clicking a later step sends the user back to the first problem
  await page.getByRole('button', { name: /Review/ }).click();
  await expect(advanced).toBeVisible();
  expect(sent).toEqual([]);
});

test('the draft survives the end of the session', async ({ page }) => {
  const t = tenant('draft');
  await logIn(page, t.username, t.password);
  await openWizard(page);
  await fillFirstSteps(page, 'kept-across-login');
  await expect(step(page, 'Network')).toBeVisible();

  const expired = await page.request.post('/auth/test/expire-session', { headers: { 'X-Requested-With': 'ecs-console' } });
  expect(expired.ok()).toBe(true);
  await page.reload();
  await expect(page).toHaveURL(/\/login/, { timeout: 30_000 });
  await page.getByLabel('Username').fill(t.username);
  await page.getByRole('textbox', { name: 'Password' }).fill(t.password);
  await page.getByRole('button', { name: 'Log in' }).click();

  await expect(page).toHaveURL(/\/servers\/create\?step=network/, { timeout: 30_000 });
  await expect(page.getByText('Your draft was restored')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: /Name and zone/ }).click();
  await expect(nameField(page)).toHaveValue('kept-across-login');
});

test('several servers in one create: named as Nova names them, counted in the quota, each reported and tagged on its own', async ({ page }) => {
  const t = tenant('many');
  await logIn(page, t.username, t.password);
  await openWizard(page);
  await nameField(page).fill('e2e-many');
  const count = step(page, 'Name').getByRole('textbox', { name: 'Number of servers' });
  await count.fill('2');
  await expect(step(page, 'Name').getByText('Named e2e-many-1 … e2e-many-2; made all or none')).toBeVisible();
  await next(page);
  await page.getByRole('radio', { name: IMAGE }).click();
  await next(page);
  await page.getByRole('radio', { name: 's3.medium.2' }).check();
  await next(page);
  await next(page);
  await next(page);
  const tags = page.getByRole('combobox', { name: 'Tags' });
  await tags.fill('batch');
  await tags.press('Enter');
  await next(page);

  const review = step(page, 'Review');
  await expect(review.getByText('Uses 2 of 10 instances — 2 of 10 in use after it')).toBeVisible();
  await expect(review.getByLabel('API request', { exact: true })).toContainText('"min_count": 2');
  await page.getByRole('button', { name: 'Create server' }).click();

  const report = page.getByRole('table', { name: 'Servers created' });
  await expect(report.getByRole('link')).toHaveText(['e2e-many-1', 'e2e-many-2'], { timeout: 30_000 });
  const ids = await report.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')!.split('/').pop()!));

  // the cloud made both, and each got the tags once it was ACTIVE
  const session = await cloudLogin(t.username, t.password, t.project);
  for (const id of ids) {
    await waitForStatus(session, id, 'ACTIVE');
    await expect.poll(async () => (await getServer(session, id)).tags, { timeout: 30_000 }).toEqual(['batch']);
  }
  await expect(report.getByText('Active')).toHaveCount(2, { timeout: 30_000 });
});

test('the stepper stays on one line at 1440 px, its labels whole and inside the page, in both languages', async ({ browser }) => {
  const t = tenant('many');
  for (const language of ['en', 'zh-CN']) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await logIn(page, t.username, t.password);
    await page.evaluate((chosen) => localStorage.setItem('ecs-console.language', chosen), language);
    await page.goto('/servers/create');
    const stepper = page.locator('main .mantine-Stepper-root');
    await expect(stepper.locator('.mantine-Stepper-step')).toHaveCount(7, { timeout: 30_000 });
    const layout = await stepper.evaluate((root) => {
      const box = (element: Element) => element.getBoundingClientRect();
      const steps = [...root.querySelectorAll('.mantine-Stepper-step')];
      const texts = [...root.querySelectorAll('.mantine-Stepper-stepLabel, .mantine-Stepper-stepDescription')];
      return {
        tops: [...new Set(steps.map((step) => Math.round(box(step).top)))],
        lastRight: Math.round(box(steps.at(-1)!.querySelector('.mantine-Stepper-stepBody')!).right),
        rootRight: Math.round(box(root).right),
        wrapped: texts.filter((text) => box(text).height > parseFloat(getComputedStyle(text).lineHeight) * 1.5).map((text) => text.textContent),
      };
    });
    expect(layout.tops, `${language}: one line of steps`).toHaveLength(1);
    expect(layout.wrapped, `${language}: labels on one line`).toEqual([]);
    expect(layout.lastRight, `${language}: the last label inside the stepper`).toBeLessThanOrEqual(layout.rootRight);
    await context.close();
  }
});
