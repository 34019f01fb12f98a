import { expect, test, type Page } from '@playwright/test';
import { cloudLogin, compute } from './support/cloud-api.ts';
import { logIn } from './support/console-login.ts';

interface CloudFlavor {
  id: string;
  name: string;
  ram: number;
  disk: number;
}

async function cloudFlavors(user: string, query: string): Promise<string[]> {
  const project = user === 'admin' ? 'admin' : 'alpha';
  const session = await cloudLogin(user, user, project);
  return (await compute<{ flavors: CloudFlavor[] }>(session, 'GET', `/flavors/detail${query}`)).flavors.map((f) => f.name);
}

const names = (page: Page) =>
  page.getByRole('table', { name: 'Flavors' }).locator('tbody tr:not([aria-hidden="true"]) td:first-child a').allTextContents();

test('flavor filters and sort go to the API and show what it answers', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await page.goto('/flavors');
  await expect.poll(() => names(page), { timeout: 30_000 }).toEqual(await cloudFlavors('alice', ''));

  // asked in GB, as the table shows RAM; the URL and the API take MB
  await page.getByLabel('Minimum RAM (GB)').fill('16');
  await expect(page).toHaveURL(/minRam=16384/);
  await expect.poll(() => names(page)).toEqual(await cloudFlavors('alice', '?minRam=16384'));
  await page.getByLabel('Minimum disk (GB)').fill('80');
  const both = await cloudFlavors('alice', '?minRam=16384&minDisk=80');
  expect(both.length).toBeGreaterThan(0);
  await expect.poll(() => names(page)).toEqual(both);

  // sort by RAM, then descending: the API's sort_key memory_mb
  await page.getByRole('button', { name: 'RAM' }).click();
  await expect(page).toHaveURL(/sort=memory_mb&dir=asc/);
  await page.getByRole('button', { name: 'RAM' }).click();
  await expect.poll(() => names(page)).toEqual(await cloudFlavors('alice', '?minRam=16384&minDisk=80&sort_key=memory_mb&sort_dir=desc'));

  // members have no visibility filter; the URL keeps the state on reload
  await expect(page.getByRole('combobox', { name: 'Visibility' })).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Minimum RAM (GB)')).toHaveValue('16');

  // a flavor's drawer: extra specs and "launch with this flavor"
  await page.getByRole('link', { name: both[0] }).click();
  const drawer = page.getByRole('dialog', { name: both[0] });
  await expect(drawer.getByRole('table', { name: 'Extra specs' })).toContainText('ecs:generation');
  await expect(drawer.getByRole('link', { name: 'Launch a server with this flavor' })).toHaveAttribute('href', `/servers/create?flavor=${both[0]}`);
});

test('admins filter flavors by visibility', async ({ page }) => {
  await logIn(page, 'admin', 'admin');
  await page.goto('/flavors');
  await expect(page.getByRole('table', { name: 'Flavors' }).getByRole('link', { name: 's3.small.1' })).toBeVisible({ timeout: 30_000 });
  expect(await names(page)).not.toContain('p2s.2xlarge.8');
  await page.getByRole('combobox', { name: 'Visibility' }).click();
  await page.getByRole('option', { name: 'Private flavors' }).click();
  await expect(page).toHaveURL(/is_public=false/);
  await expect.poll(() => names(page)).toEqual(await cloudFlavors('admin', '?is_public=false'));
  expect(await names(page)).toContain('p2s.2xlarge.8');
});
