import { expect, test, type Page } from '@playwright/test';
import { logIn, userMenu } from './support/console-login.ts';

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
  await logIn(page, 'alice', 'alice');
  const requests = watchApiRequests(page);
  await page.goto('/servers');
  await expect(userMenu(page, 'alice')).toBeVisible();
  await expect(page.getByRole('table').first()).toBeVisible();
  await expect.poll(() => requests.some((r) => r.endsWith('/servers/detail'))).toBe(true);

  // The page never discovers versions itself (the gateway handed them over with the session)...
  expect(requests.filter((r) => r === 'GET /api/compute/' || r === 'GET /api/compute/v2.1/')).toEqual([]);
  // ... and nothing in the view is asked for twice.
  const counts = new Map<string, number>();
  for (const request of requests.filter((r) => r.startsWith('GET /auth/'))) counts.set(request, (counts.get(request) ?? 0) + 1);
  expect([...counts.values()].every((n) => n === 1)).toBe(true);
});
