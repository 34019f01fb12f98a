import { expect, test, type Page } from '@playwright/test';
import { fillLoginForm, userMenu } from './support/console-login.ts';

/** Every console message of type error while the test ran. */
function watchConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** The paths (with their query) the page asked the gateway for, in order. */
function watchApiRequests(page: Page): string[] {
  const seen: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/auth/')) seen.push(`${request.method()} ${url.pathname}`);
  });
  return seen;
}

test('the login page loads without a single error in the browser console', async ({ page }) => {
  const errors = watchConsoleErrors(page);
  const probes: number[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/auth/session') probes.push(response.status());
  });
  await page.goto('/servers');
  await expect(page).toHaveURL(/\/login\?next=%2Fservers/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  // The signed-out probe was answered, as a 200.
  expect(probes.length).toBeGreaterThan(0);
  expect(probes.every((status) => status === 200)).toBe(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('signed in, the servers page sends its list at once: versions and projects come with the session', async ({ page }) => {
  const requests = watchApiRequests(page);
  const listed = () => requests.filter((r) => r.endsWith('/servers/detail')).length;
  const discovered = () => requests.filter((r) => r === 'GET /api/compute/' || r === 'GET /api/compute/v2.1/');

  // Straight from the login page to the servers (the session comes with the login's answer)...
  await page.goto('/login?next=%2Fservers');
  await fillLoginForm(page, 'alice', 'alice');
  await expect(userMenu(page, 'alice')).toBeVisible({ timeout: 30_000 });
  await expect.poll(listed).toBeGreaterThan(0);
  // ... and a cold load of the page (the session comes with the probe).
  requests.length = 0;
  await page.reload();
  await expect(userMenu(page, 'alice')).toBeVisible();
  await expect.poll(listed).toBeGreaterThan(0);

  // The page never discovers versions itself: the gateway handed them over with the session...
  expect(discovered()).toEqual([]);
  // ... and nothing of the session is asked for twice in the view.
  const counts = new Map<string, number>();
  for (const request of requests.filter((r) => r.startsWith('GET /auth/'))) counts.set(request, (counts.get(request) ?? 0) + 1);
  expect(Object.fromEntries(counts)).toEqual({ 'GET /auth/session': 1, 'GET /auth/config': 1, 'GET /auth/projects': 1 });
});

test("toasts show below the header, never over its controls", async ({ page }) => {
  await page.goto('/login');
  await fillLoginForm(page, 'admin', 'admin', 'admin');
  await expect(userMenu(page, 'admin')).toBeVisible({ timeout: 30_000 });
  // switching the project says so in a toast
  await page.getByRole('button', { name: 'Project: admin' }).click();
  await page.getByRole('menuitem', { name: 'alpha' }).click();
  const toast = page.locator('.mantine-Notification-root').filter({ hasText: 'Switched project' }).first();
  await expect(toast).toBeVisible();
  const header = await page.locator('header').first().boundingBox();
  const box = await toast.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
});
