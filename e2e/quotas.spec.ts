import { expect, test, type Page } from '@playwright/test';
import { cloudLogin, compute, type CloudSession } from './support/cloud-api.ts';
import { logIn } from './support/console-login.ts';
import { resourceTenant } from './support/resource-tenants.ts';

const tenant = resourceTenant('quotas');

type QuotaSet = Record<string, number | string>;

/** The console's figures, printed as the page prints them (en). */
const count = (n: number) => (n === -1 ? 'Unlimited' : new Intl.NumberFormat('en').format(n));
const megabytes = (mb: number) => {
  if (mb === -1) return 'Unlimited';
  let amount = mb;
  let unit: 'megabyte' | 'gigabyte' | 'terabyte' = 'megabyte';
  if (amount >= 1024) [amount, unit] = [amount / 1024, 'gigabyte'];
  if (amount >= 1024) [amount, unit] = [amount / 1024, 'terabyte'];
  return new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: amount < 10 && unit !== 'megabyte' ? 1 : 0 }).format(amount);
};

async function apiFigures(session: CloudSession, project: string, viewingOther: boolean) {
  const quota = (await compute<{ quota_set: QuotaSet }>(session, 'GET', `/os-quota-sets/${project}`)).quota_set;
  const defaults = (await compute<{ quota_set: QuotaSet }>(session, 'GET', `/os-quota-sets/${project}/defaults`)).quota_set;
  const limits = (await compute<{ limits: { absolute: Record<string, number> } }>(session, 'GET', `/limits${viewingOther ? `?tenant_id=${project}` : ''}`)).limits
    .absolute;
  return { quota, defaults, limits };
}

async function expectRow(page: Page, resource: string, cells: { used?: string; quota: string; def: string }) {
  const row = page.getByRole('table', { name: 'Quotas and usage' }).getByRole('row', { name: new RegExp(`^${resource}\\b`) });
  const values = row.getByRole('cell');
  if (cells.used !== undefined) await expect(values.nth(0)).toHaveText(cells.used);
  await expect(values.nth(1)).toHaveText(new RegExp(`${cells.quota.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
  await expect(values.nth(2)).toHaveText(cells.def);
}

test("the quotas page shows the project's quota, defaults and usage as the API gives them", async ({ page }) => {
  const session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const { quota, defaults, limits } = await apiFigures(session, session.projectId, false);
  const keypairs = (await compute<{ keypairs: unknown[] }>(session, 'GET', '/os-keypairs')).keypairs.length;

  await logIn(page, tenant.username, tenant.password);
  await page.goto('/limits');
  // the first load brings the page's chunks and four API answers
  await expect(page.getByRole('table', { name: 'Quotas and usage' })).toBeVisible({ timeout: 30_000 });
  await expectRow(page, 'Instances', { used: count(limits.totalInstancesUsed), quota: count(Number(quota.instances)), def: count(Number(defaults.instances)) });
  await expectRow(page, 'vCPUs', { used: count(limits.totalCoresUsed), quota: count(Number(quota.cores)), def: count(Number(defaults.cores)) });
  await expectRow(page, 'RAM', { used: megabytes(limits.totalRAMUsed), quota: megabytes(Number(quota.ram)), def: megabytes(Number(defaults.ram)) });
  await expectRow(page, 'Key pairs', { used: count(keypairs), quota: count(Number(quota.key_pairs)), def: count(Number(defaults.key_pairs)) });
  await expectRow(page, 'Security groups', {
    used: count(limits.totalSecurityGroupsUsed),
    quota: count(Number(quota.security_groups)),
    def: count(Number(defaults.security_groups)),
  });
  await expectRow(page, 'Server groups', {
    used: count(limits.totalServerGroupsUsed),
    quota: count(Number(quota.server_groups)),
    def: count(Number(defaults.server_groups)),
  });
  await expectRow(page, 'Rules per security group', { quota: count(Number(quota.security_group_rules)), def: count(Number(defaults.security_group_rules)) });
  // this tenant's instance quota differs from the default: marked custom
  await expect(page.getByRole('table', { name: 'Quotas and usage' }).getByRole('row', { name: /^Instances/ })).toContainText('custom');

  // every absolute limit as the API reports it
  const absolute = page.getByRole('table', { name: 'Absolute limits' });
  await expect(absolute.locator('[data-limit="maxTotalInstances"] td')).toHaveText(count(limits.maxTotalInstances));
  await expect(absolute.locator('[data-limit="maxServerMeta"] td')).toHaveText(count(limits.maxServerMeta));
  await expect(absolute.locator('[data-limit="totalCoresUsed"] td')).toHaveText(count(limits.totalCoresUsed));
  await expect(absolute.locator('[data-limit="maxTotalRAMSize"] td')).toHaveText(megabytes(limits.maxTotalRAMSize));
  const chart = page.getByRole('img', { name: 'Share of each quota in use, in percent' });
  await expect(chart).toBeVisible();
  // drawn at once (Mantine's BarChart does not animate): the first frame that has the bars has
  // their values too; an animated chart adds its labels only when its animation ends
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeAttached();
  const drawn = await chart.evaluate((figure) => ({
    bars: figure.querySelectorAll('.recharts-bar-rectangle').length,
    labels: figure.querySelectorAll('.recharts-label-list text').length,
  }));
  expect(drawn.labels).toBe(drawn.bars);
});

test("an admin looks at another project's limits and quotas", async ({ page }) => {
  const admin = await cloudLogin('admin', 'admin', 'admin');
  const { quota, limits } = await apiFigures(admin, tenant.projectId, true);
  await logIn(page, 'admin', 'admin');
  await page.goto('/limits');
  await page.getByRole('combobox', { name: 'Project' }).fill(tenant.projectId);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(page).toHaveURL(new RegExp(`project=${tenant.projectId}`));
  await expectRow(page, 'Instances', { used: count(limits.totalInstancesUsed), quota: count(Number(quota.instances)), def: '10' });
  await expect(page.getByText('their use is shown for your own project only', { exact: false })).toBeVisible();
});
