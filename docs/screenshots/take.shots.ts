// Takes docs/screenshots/*.png: `npm run docs:screenshots` (builds dist/ first). A tenant of
// its own ('docs') with a dozen servers in several states, then each page in en and zh-CN.
import { test, type Page } from '@playwright/test';
import { logIn } from '../../e2e/support/console-login.ts';
import { cloudLogin, compute, createServer, imageId, inBatches, waitForStatus, type CloudSession } from '../../e2e/support/cloud-api.ts';
import { tenant as tenantNamed } from '../../e2e/support/tenants.ts';

const OUT = 'docs/screenshots';
const tenant = tenantNamed('docs');
const LANGUAGES = ['en', 'zh-CN'] as const;
type Language = (typeof LANGUAGES)[number];

test.describe.configure({ mode: 'serial' });

let session: CloudSession;
let web01 = '';

test.beforeAll(async () => {
  session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const ubuntu = await imageId(session, 'Ubuntu 22.04 server 64bit');
  const centos = await imageId(session, 'CentOS 7.9 64bit').catch(() => ubuntu);
  const specs = Array.from({ length: 12 }, (_, i) => ({
    name: `web-${String(i + 1).padStart(2, '0')}`,
    imageRef: ubuntu,
    flavorRef: i % 3 === 0 ? 'c6.large.2' : 's3.medium.2',
    availability_zone: i % 2 === 0 ? 'az-1' : 'az-2',
    metadata: i === 0 ? { role: 'frontend', owner: 'team-web' } : undefined,
  }));
  specs.push({ name: 'db-1', imageRef: centos, flavorRef: 'c6.large.2', availability_zone: 'az-2', metadata: undefined });
  const ids = await inBatches(specs, 4, (spec) => createServer(session, { ...spec, networkId: tenant.network.id }));
  await inBatches(ids, 4, (id) => waitForStatus(session, id, 'ACTIVE'));
  web01 = ids[0];
  await compute(session, 'PUT', `/servers/${ids[0]}/tags`, { tags: ['prod', 'web'] });
  await compute(session, 'PUT', `/servers/${ids[1]}/tags`, { tags: ['prod', 'api'] });
  await compute(session, 'PUT', `/servers/${ids[3]}/tags`, { tags: ['staging'] });
  await compute(session, 'POST', `/servers/${ids[2]}/action`, { 'os-stop': null });
  await compute(session, 'POST', `/servers/${ids[4]}/action`, { lock: null });
  await waitForStatus(session, ids[2], 'SHUTOFF');
});

async function open(page: Page, language: Language, path: string) {
  // the login helper reads English labels; the language is chosen after, and a full load reads it
  await logIn(page, tenant.username, tenant.password, tenant.project);
  await page.evaluate((lang) => localStorage.setItem('ecs-console.language', lang), language);
  await page.goto(path);
}

async function shot(page: Page, name: string, language: Language, fullPage = true) {
  // from the top: a full-page shot of a scrolled page draws the fixed header mid-page
  if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${OUT}/${name}.${language}.png`, fullPage });
}

for (const language of LANGUAGES) {
  test(`servers list, palette and export (${language})`, async ({ page }) => {
    await open(page, language, '/servers');
    const rows = page.locator('table tbody tr:not([aria-hidden="true"])');
    await rows.nth(12).waitFor();
    await rows.nth(0).getByRole('checkbox').check();
    await rows.nth(1).getByRole('checkbox').check();
    await shot(page, 'servers-list', language);
    await page.keyboard.press('Control+K');
    const search = page.locator('input.mantine-Spotlight-search');
    await search.fill('web-0');
    await page.locator('.mantine-Spotlight-action').first().waitFor();
    await shot(page, 'palette', language, false);
  });

  test(`server page (${language})`, async ({ page }) => {
    await open(page, language, `/servers/${web01}`);
    await page.getByRole('tabpanel').getByText('c6.large.2').first().waitFor();
    await shot(page, 'server-detail', language);
    await page.goto(`/servers/${web01}/metadata`);
    await page.getByRole('table').getByText('frontend').waitFor();
    await shot(page, 'server-metadata', language, false);
  });

  test(`create wizard (${language})`, async ({ page }) => {
    const image = await imageId(session, 'Ubuntu 22.04 server 64bit');
    await open(page, language, `/servers/create?image=${image}&flavor=c6.large.2&network=${tenant.network.id}`);
    await page.getByRole('textbox').first().fill('api-07');
    const next = page.getByRole('button', { name: language === 'en' ? 'Next' : '下一步' });
    await next.click();
    await page.getByRole('radio', { name: 'Ubuntu 22.04 server 64bit' }).waitFor();
    await shot(page, 'servers-create-image', language);
    // flavor, network, key pair, advanced, then the review
    const review = page.getByText('"flavorRef": "c6.large.2"').first();
    for (let step = 0; step < 8 && !(await review.isVisible()); step += 1) {
      await next.click();
      await page.waitForTimeout(400); // the step's transition
    }
    await review.waitFor();
    await shot(page, 'servers-create', language);
  });
}
