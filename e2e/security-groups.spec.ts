import { expect, test, type Page } from '@playwright/test';
import { cloudLogin, compute } from './support/cloud-api.ts';
import { logIn } from './support/console-login.ts';
import { resourceTenant } from './support/resource-tenants.ts';

const tenant = resourceTenant('secgroups');

interface CloudGroup {
  id: string;
  name: string;
  description: string;
  rules: { id: string; ip_protocol: string | null; from_port: number | null; to_port: number | null; ip_range: { cidr?: string } }[];
}

async function cloudGroup(id: string): Promise<CloudGroup | null> {
  const session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const body = await compute<{ security_groups: CloudGroup[] }>(session, 'GET', '/os-security-groups');
  return body.security_groups.find((g) => g.id === id) ?? null;
}

const rulesTable = (page: Page) => page.getByRole('table', { name: 'Rules' });
const ruleRows = (page: Page) => rulesTable(page).locator('tbody tr:has(button)');

test('security group: create, rules added and removed, a duplicate and a bad range refused, rename, delete', async ({ page }) => {
  await logIn(page, tenant.username, tenant.password);
  await page.goto('/security-groups');
  await expect(page.getByRole('table', { name: 'Security groups' }).getByRole('link', { name: 'default' })).toBeVisible({ timeout: 30_000 });

  // create; `default` is refused before sending
  await page.getByRole('button', { name: 'Create security group' }).first().click();
  const create = page.getByRole('dialog', { name: 'Create a security group' });
  await create.getByLabel('Name').fill('default');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(create.getByText("“default” is the name of the project's default group")).toBeVisible();
  await create.getByLabel('Name').fill('e2e-web');
  await create.getByLabel('Description').fill('web tier');
  await create.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: 'e2e-web' })).toBeVisible();
  const id = page.url().split('/').pop()!;
  expect((await cloudGroup(id))?.description).toBe('web tier');

  // add SSH from anywhere
  await expect(rulesTable(page).getByText('No rules', { exact: false })).toBeVisible();
  const form = page.getByRole('form', { name: 'Add a rule' });
  await form.getByRole('button', { name: 'SSH' }).click();
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(ruleRows(page)).toHaveCount(1);
  await expect(ruleRows(page).first()).toContainText('TCP');
  await expect(ruleRows(page).first()).toContainText('22');
  await expect(ruleRows(page).first()).toContainText('0.0.0.0/0');

  // the same rule again: the API refuses it, with its own message
  await form.getByRole('button', { name: 'SSH' }).click();
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByRole('alert')).toContainText('This rule already exists');
  await expect(ruleRows(page)).toHaveCount(1);

  // a range whose first port is above the last: said as it is typed, never sent
  await form.getByLabel('From port').fill('443');
  await form.getByLabel('To port').fill('80');
  await expect(form.getByText('The last port (80) is below the first (443): swap them, or give the same port in both.')).toBeVisible();
  await form.getByRole('button', { name: 'Add rule' }).click();
  await form.getByLabel('To port').fill('70000');
  await expect(form.getByText('TCP ports run from 1 to 65535: 443–70000 is outside.')).toBeVisible();
  await form.getByRole('button', { name: 'Add rule' }).click();
  expect((await cloudGroup(id))?.rules).toHaveLength(1);

  // ICMP echo from one network, then a valid TCP range
  await form.locator('label', { hasText: /^ICMP$/ }).click();
  await form.getByLabel('ICMP type').fill('8');
  await form.getByLabel('ICMP code').fill('0');
  await form.getByLabel('Source CIDR').fill('10.0.0.0/8');
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(ruleRows(page)).toHaveCount(2);
  await expect(rulesTable(page)).toContainText('Type 8, code 0');
  const rules = (await cloudGroup(id))!.rules;
  expect(rules.map((r) => [r.ip_protocol, r.from_port, r.to_port, r.ip_range.cidr]).sort()).toEqual([
    ['icmp', 8, 0, '10.0.0.0/8'],
    ['tcp', 22, 22, '0.0.0.0/0'],
  ]);

  // remove the SSH rule
  await page.getByRole('button', { name: /^Actions for TCP 22/ }).click();
  await page.getByRole('menuitem', { name: 'Delete rule' }).click();
  await page.getByRole('dialog', { name: 'Delete this rule?' }).getByRole('button', { name: 'Delete rule' }).click();
  await expect(ruleRows(page)).toHaveCount(1);
  expect((await cloudGroup(id))!.rules.map((r) => r.ip_protocol)).toEqual(['icmp']);

  // rename and describe
  await page.getByRole('button', { name: 'Rename or describe' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit security group e2e-web' });
  await edit.getByLabel('Name').fill('e2e-web-renamed');
  await edit.getByLabel('Description').fill('renamed');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'e2e-web-renamed' })).toBeVisible();
  expect((await cloudGroup(id))?.name).toBe('e2e-web-renamed');

  // delete
  await page.getByRole('button', { name: 'Delete security group' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete group' }).click();
  await expect(page).toHaveURL(/\/security-groups$/);
  expect(await cloudGroup(id)).toBeNull();
});

test('the default group cannot be renamed or deleted', async ({ page }) => {
  await logIn(page, tenant.username, tenant.password);
  await page.goto('/security-groups');
  await page.getByRole('table', { name: 'Security groups' }).getByRole('link', { name: 'default' }).click();
  await expect(page.getByRole('heading', { name: 'default' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Rename or describe' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Delete security group' })).toBeDisabled();
});
