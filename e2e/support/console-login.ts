// Logging in through the console's login page, as a user does.
import { expect, type Page } from '@playwright/test';

export async function fillLoginForm(page: Page, username: string, password: string, project?: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  // (by role: the visibility toggle's label "Toggle password visibility" also matches 'Password')
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await expect(page.getByLabel('Domain')).toHaveValue('Default');
  if (project) await page.getByLabel('Project').fill(project);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function logIn(page: Page, username: string, password: string, project?: string): Promise<void> {
  await page.goto('/login');
  await fillLoginForm(page, username, password, project);
  // generous: the first login builds the shell chunk and the session on a loaded machine
  await expect(userMenu(page, username)).toBeVisible({ timeout: 30_000 });
}

export const userMenu = (page: Page, username: string) => page.getByRole('button', { name: `User menu of ${username}` });

export const projectSwitcher = (page: Page, project: string) => page.getByRole('button', { name: `Project: ${project}` });
