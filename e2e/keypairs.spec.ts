import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { cloudLogin, compute } from './support/cloud-api.ts';
import { logIn } from './support/console-login.ts';
import { resourceTenant } from './support/resource-tenants.ts';
import { ed25519PublicKey } from './support/ssh-key.ts';

const tenant = resourceTenant('keypairs');

async function cloudKeypairNames(): Promise<string[]> {
  const session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const body = await compute<{ keypairs: { keypair: { name: string; fingerprint: string } }[] }>(session, 'GET', '/os-keypairs');
  return body.keypairs.map((k) => k.keypair.name);
}

test('a generated key pair offers its private key once, then can be deleted', async ({ page }) => {
  await logIn(page, tenant.username, tenant.password);
  await page.goto('/key-pairs');
  await page.getByRole('button', { name: 'Create key pair' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Create a key pair' });
  // the spec's name rule is checked before anything is sent
  await dialog.getByLabel('Name').fill('my key');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Only letters, digits, _ and - are allowed')).toBeVisible();
  await dialog.getByLabel('Name').fill('e2e-generated');
  await dialog.getByRole('button', { name: 'Create' }).click();

  const created = page.getByRole('dialog', { name: 'Key pair e2e-generated created' });
  await expect(created.getByText('This is the only time the private key is available.', { exact: false })).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), created.getByRole('button', { name: 'Download e2e-generated.pem' }).click()]);
  expect(download.suggestedFilename()).toBe('e2e-generated.pem');
  const pem = await readFile((await download.path())!, 'utf8');
  expect(pem).toMatch(/^-----BEGIN [A-Z ]*PRIVATE KEY-----/);
  // offered once: the button is gone, the console says it forgot the key
  await expect(created.getByRole('button', { name: /Download/ })).toHaveCount(0);
  await expect(created.getByText('e2e-generated.pem was downloaded.', { exact: false })).toBeVisible();
  await created.getByRole('button', { name: 'Done' }).click();

  const table = page.getByRole('table', { name: 'Key pairs' });
  await expect(table.getByRole('link', { name: 'e2e-generated' })).toBeVisible();
  expect(await cloudKeypairNames()).toContain('e2e-generated');

  // the detail page has the public key and fingerprint, never the private key
  await table.getByRole('link', { name: 'e2e-generated' }).click();
  await expect(page).toHaveURL(/\/key-pairs\/e2e-generated$/);
  await expect(page.getByRole('heading', { name: 'e2e-generated' })).toBeVisible();
  await expect(page.getByText(/-----BEGIN [A-Z ]*PRIVATE KEY/)).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete key pair' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete key pair' }).click();
  await expect(page).toHaveURL(/\/key-pairs$/);
  await expect(page.getByRole('link', { name: 'e2e-generated' })).toHaveCount(0);
  expect(await cloudKeypairNames()).not.toContain('e2e-generated');
});

test('a public key is imported pasted or from a file, after validation', async ({ page }, testInfo) => {
  await logIn(page, tenant.username, tenant.password);
  await page.goto('/key-pairs');

  await page.getByRole('button', { name: 'Import public key' }).first().click();
  let dialog = page.getByRole('dialog', { name: 'Import a public key' });
  await dialog.getByLabel('Name').fill('e2e-pasted');
  await dialog.getByLabel('Public key').fill('-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n-----END OPENSSH PRIVATE KEY-----');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByText('This is a private key.', { exact: false })).toBeVisible();
  const pasted = ed25519PublicKey('e2e@example.com');
  await dialog.getByLabel('Public key').fill(pasted);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByRole('table', { name: 'Key pairs' });
  await expect(table.getByRole('link', { name: 'e2e-pasted' })).toBeVisible();

  // from a file: the name comes from the file when none is typed
  const file = testInfo.outputPath('id_e2e_file.pub');
  await writeFile(file, `${ed25519PublicKey('')}\n`);
  await page.getByRole('button', { name: 'Import public key' }).first().click();
  dialog = page.getByRole('dialog', { name: 'Import a public key' });
  await dialog.locator('input[type="file"]').setInputFiles(file);
  await expect(dialog.getByLabel('Name')).toHaveValue('id_e2e_file');
  await expect(dialog.getByLabel('Public key')).toHaveValue(/^ssh-ed25519 /);
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('link', { name: 'id_e2e_file' })).toBeVisible();

  // the cloud holds the pasted key as it was given
  const session = await cloudLogin(tenant.username, tenant.password, tenant.project);
  const shown = await compute<{ keypair: { public_key: string } }>(session, 'GET', '/os-keypairs/e2e-pasted');
  expect(shown.keypair.public_key.trim()).toBe(pasted);

  // delete from the list's row menu
  await page.getByRole('button', { name: 'Actions for e2e-pasted' }).click();
  await page.getByRole('menuitem', { name: 'Delete key pair' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete key pair' }).click();
  await expect(table.getByRole('link', { name: 'e2e-pasted' })).toHaveCount(0);
  const left = await cloudKeypairNames();
  expect(left).toContain('id_e2e_file');
  expect(left).not.toContain('e2e-pasted');
});
