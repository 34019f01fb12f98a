// Issue 12: axe-core on every page state — the login page, each list, one detail page per
// resource, each step of the create wizard, open dialogs and the palette — in English and
// Chinese, light and dark. A serious or critical violation fails; so does a control whose
// accessible name is missing or shared with another control of the same state. Moderate and
// minor findings are printed. One browser context per language × scheme visits the states in
// sequence (2 cores); the four run in parallel with the other specs.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { axeViolations, blocking, describeViolations } from './support/axe.ts';
import { cloudLogin, compute, createServer, imageId, waitForStatus, type CloudSession } from './support/cloud-api.ts';
import { nameProblems, namedControls } from './support/control-names.ts';
import { resourceTenant } from './support/resource-tenants.ts';
import { ed25519PublicKey } from './support/ssh-key.ts';
import { uniqueName } from './support/cloud-servers.ts';

const tenant = resourceTenant('a11y');

interface Resources {
  serverId: string;
  serverName: string;
  imageId: string;
  keypair: string;
  serverGroupId: string;
  volumeId: string;
  snapshotId: string;
  securityGroupId: string;
  networkId: string;
  flavorId: string;
}

let resources: Resources;

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const until = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * One resource of each kind in the tenant, made through the cloud's API. Each worker makes its
 * own (unique names: rows that share a name would share their controls' names too).
 */
async function makeResources(session: CloudSession): Promise<Resources> {
  const image = await imageId(session, 'Ubuntu 22.04 server 64bit');
  const serverName = uniqueName('a11y-web');
  const serverId = await createServer(session, { name: serverName, imageRef: image, networkId: tenant.network.id, availability_zone: 'az-1' });
  const keypair = uniqueName('a11y-key');
  await compute(session, 'POST', '/os-keypairs', { keypair: { name: keypair, public_key: ed25519PublicKey('a11y@e2e') } });
  const group = await compute<{ server_group: { id: string } }>(session, 'POST', '/os-server-groups', {
    server_group: { name: uniqueName('a11y-group'), policies: ['anti-affinity'] },
  });
  const volume = await compute<{ volume: { id: string } }>(session, 'POST', '/os-volumes', {
    volume: { size: 1, display_name: uniqueName('a11y-data'), availability_zone: 'az-1' },
  });
  await waitFor(() => compute<{ volume: { status: string } }>(session, 'GET', `/os-volumes/${volume.volume.id}`), (v) => v.volume.status === 'available', 'volume');
  const snapshot = await compute<{ snapshot: { id: string } }>(session, 'POST', '/os-snapshots', {
    snapshot: { volume_id: volume.volume.id, display_name: uniqueName('a11y-snap') },
  });
  const securityGroup = await compute<{ security_group: { id: string } }>(session, 'POST', '/os-security-groups', {
    security_group: { name: uniqueName('a11y-web'), description: 'web tier' },
  });
  await compute(session, 'POST', '/os-security-group-rules', {
    security_group_rule: { parent_group_id: securityGroup.security_group.id, ip_protocol: 'tcp', from_port: 443, to_port: 443, cidr: '0.0.0.0/0' },
  });
  await waitForStatus(session, serverId, 'ACTIVE');
  return {
    serverId,
    serverName,
    imageId: image,
    keypair,
    serverGroupId: group.server_group.id,
    volumeId: volume.volume.id,
    snapshotId: snapshot.snapshot.id,
    securityGroupId: securityGroup.security_group.id,
    networkId: tenant.network.id,
    flavorId: 's3.medium.2',
  };
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  resources = await makeResources(await cloudLogin(tenant.username, tenant.password, tenant.project));
});

const LANGUAGES = [
  { locale: 'en-US', lang: 'en', login: { user: 'Username', password: 'Password', submit: 'Log in' } },
  { locale: 'zh-CN', lang: 'zh-CN', login: { user: '用户名', password: '密码', submit: '登录' } },
] as const;
const SCHEMES = ['light', 'dark'] as const;

/** What each state failed on, gathered so one run reports every state. */
class Findings {
  readonly failures: string[] = [];

  constructor(private readonly label: string) {}

  async check(page: Page, state: string): Promise<void> {
    // nothing is mid-transition or loading when the state is judged
    await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 20_000 });
    const name = `${this.label} ${state}`;
    const violations = await axeViolations(page);
    const failing = blocking(violations);
    const notes = violations.filter((v) => !failing.includes(v));
    if (notes.length) console.log(describeViolations(name, notes));
    if (failing.length) this.failures.push(describeViolations(name, failing));
    for (const problem of nameProblems(await namedControls(page))) this.failures.push(`[${name}] ${problem}`);
  }
}

async function heading(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible({ timeout: 30_000 });
}

/** A page of the console, once its main content has loaded. */
async function visit(page: Page, findings: Findings, path: string, ready?: (page: Page) => Promise<void>) {
  await page.goto(path);
  await heading(page);
  await ready?.(page);
  await findings.check(page, path);
}

async function walk(browser: Browser, language: (typeof LANGUAGES)[number], scheme: (typeof SCHEMES)[number]) {
  const context = await browser.newContext({ locale: language.locale, colorScheme: scheme, viewport: { width: 1440, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  const findings = new Findings(`${language.lang}/${scheme}`);
  const r = resources;
  const zh = language.lang === 'zh-CN';
  try {
    await page.goto('/login');
    await expect(page.getByRole('button', { name: language.login.submit })).toBeVisible({ timeout: 30_000 });
    await findings.check(page, '/login');
    await page.getByLabel(language.login.user).fill(tenant.username);
    await page.getByRole('textbox', { name: language.login.password }).fill(tenant.password);
    await page.getByRole('button', { name: language.login.submit }).click();
    await expect(page).not.toHaveURL(/\/login/, { timeout: 30_000 });
    await heading(page);
    await expect(page.locator('html')).toHaveAttribute('lang', language.lang);
    await findings.check(page, '/');

    // every list, with its rows shown
    for (const path of ['/servers', '/flavors', '/images', '/key-pairs', '/server-groups', '/volumes', '/snapshots', '/networks', '/security-groups', '/availability-zones', '/limits', '/api-versions']) {
      await visit(page, findings, path, async () => {
        await expect(page.locator('main table tbody tr:not([aria-hidden="true"])').first()).toBeVisible({ timeout: 30_000 });
      });
    }

    // one detail page per resource
    await visit(page, findings, `/servers/${r.serverId}`);
    for (const tab of ['network', 'volumes', 'security-groups', 'metadata', 'tags', 'activity', 'console', 'password']) {
      await visit(page, findings, `/servers/${r.serverId}/${tab}`);
    }
    await visit(page, findings, `/images/${r.imageId}`);
    await visit(page, findings, `/key-pairs/${r.keypair}`);
    await visit(page, findings, `/server-groups/${r.serverGroupId}`);
    await visit(page, findings, `/volumes/${r.volumeId}`);
    await visit(page, findings, `/snapshots/${r.snapshotId}`);
    await visit(page, findings, `/networks/${r.networkId}`);
    await visit(page, findings, `/security-groups/${r.securityGroupId}`);
    await visit(page, findings, `/flavors/${r.flavorId}`, async () => {
      await expect(page.getByRole('dialog')).toBeVisible();
      await expect(page.getByRole('dialog').getByRole('heading', { name: 's3.medium.2' })).toBeVisible();
    });

    // an open dialog: the server's Reboot, and the typed confirmation of Delete
    await page.goto(`/servers/${r.serverId}`);
    await heading(page);
    const actions = page.getByRole('button', { name: zh ? '操作' : 'Actions', exact: true });
    await actions.click();
    await page.getByRole('menuitem', { name: zh ? /^重启/ : /^Reboot/ }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('menu')).toBeHidden();
    await findings.check(page, 'reboot dialog');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toBeHidden();
    await actions.click();
    await page.getByRole('menuitem', { name: zh ? /^删除/ : /^Delete/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expect(page.getByRole('menu')).toBeHidden();
    await findings.check(page, 'delete dialog');
    await page.keyboard.press('Escape');
    // closed before the palette opens: else the closing dialog's name field takes the typing
    await expect(page.getByRole('dialog')).toBeHidden();

    // the palette, with a server found
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog').getByRole('textbox').fill(r.serverName);
    await expect(page.getByRole('dialog').getByRole('button').first()).toBeVisible({ timeout: 20_000 });
    await findings.check(page, 'palette');
    await page.keyboard.press('Escape');

    // each step of the create wizard, filled in as a user does
    await page.goto('/servers/create');
    await heading(page);
    await findings.check(page, 'wizard basics');
    await page.getByRole('textbox', { name: zh ? /名称/ : /Name/ }).first().fill('a11y-new');
    const next = page.getByRole('button', { name: zh ? '下一步' : 'Next' });
    await next.click();
    await page.getByRole('radio', { name: /Ubuntu 22\.04 server 64bit/ }).first().check();
    await findings.check(page, 'wizard image');
    await next.click();
    await page.getByRole('radio', { name: 's3.medium.2' }).check();
    await findings.check(page, 'wizard flavor');
    for (const step of ['network', 'keypair', 'advanced']) {
      await next.click();
      await expect(page).toHaveURL(new RegExp(`step=${step}`));
      await findings.check(page, `wizard ${step}`);
    }
    await next.click();
    await expect(page).toHaveURL(/step=review/);
    await findings.check(page, 'wizard review');
  } finally {
    await context.close();
  }
  expect(findings.failures, findings.failures.join('\n')).toEqual([]);
}

for (const language of LANGUAGES) {
  for (const scheme of SCHEMES) {
    test(`axe and unique control names on every page state: ${language.lang}, ${scheme}`, async ({ browser }) => {
      test.setTimeout(240_000);
      await walk(browser, language, scheme);
    });
  }
}
