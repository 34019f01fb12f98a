import { expect, test, type Page } from '@playwright/test';
import { fillLoginForm, logIn, projectSwitcher, userMenu } from './support/console-login.ts';
import { DEMO_USERS, cloudProjects, cloudServerIds } from './support/demo-cloud.ts';

/** Content-Security-Policy violations reported by Chromium while the test ran. */
function watchCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test.describe('logging in', () => {
  for (const user of DEMO_USERS) {
    test(`${user.username} logs in and sees only project ${user.project}`, async ({ page }) => {
      const csp = watchCspViolations(page);
      await logIn(page, user.username, user.password);
      await expect(projectSwitcher(page, user.project)).toBeVisible();

      // The switcher offers exactly the projects the cloud grants this user.
      const granted = await cloudProjects(user.username, user.password);
      await projectSwitcher(page, user.project).click();
      await expect(page.getByRole('menuitem')).toHaveText(granted.map((p) => p.name));
      await page.keyboard.press('Escape');

      // The console's session is the cloud's project, and its data is that project's data.
      const mine = await cloudServerIds(user.username, user.password, user.project);
      expect(mine.ids.length).toBeGreaterThan(0); // the demo data has servers in every project
      const session = await (await page.request.get('/auth/session')).json();
      expect(session.project).toEqual({ id: mine.projectId, name: user.project });
      expect(session.isAdmin).toBe(user.isAdmin);
      const listed = await page.request.get(`/api/compute/v2.1/${mine.projectId}/servers?limit=1000`);
      expect(listed.status()).toBe(200);
      expect(((await listed.json()).servers as { id: string }[]).map((s) => s.id).sort()).toEqual([...mine.ids].sort());

      // Another tenant's project is not reachable with this session.
      for (const other of DEMO_USERS.filter((u) => !u.isAdmin && u.username !== user.username && !user.isAdmin)) {
        const theirs = await cloudServerIds(other.username, other.password, other.project);
        const attempt = await page.request.get(`/api/compute/v2.1/${theirs.projectId}/servers?limit=1000`);
        expect(attempt.ok()).toBe(false);
        const text = await attempt.text();
        for (const id of theirs.ids) expect(text).not.toContain(id);
      }
      expect(csp).toEqual([]);
    });
  }

  test('a wrong password is refused without saying which part was wrong', async ({ page }) => {
    await page.goto('/login');
    await fillLoginForm(page, 'alice', 'not-her-password');
    await expect(page.getByText('The username, password, domain or project is not correct.')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
    expect((await page.context().cookies()).filter((c) => c.name === 'ecs_sid')).toEqual([]);
  });

  test('the session cookie is httpOnly and SameSite=Strict, and pages carry a CSP', async ({ page }) => {
    const response = await page.goto('/login');
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    await fillLoginForm(page, 'alice', 'alice');
    await expect(userMenu(page, 'alice')).toBeVisible();
    const [cookie] = (await page.context().cookies()).filter((c) => c.name === 'ecs_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('ecs_sid');
  });
});

test('switching the language translates the console and is remembered', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  await page.getByRole('button', { name: 'Language' }).click();
  await page.getByRole('menuitem', { name: '简体中文' }).click();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'alice 的用户菜单' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  await page.reload();
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();

  await page.getByRole('button', { name: '语言' }).click();
  await page.getByRole('menuitem', { name: 'English' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
});

test('admin switches project', async ({ page }) => {
  const granted = await cloudProjects('admin', 'admin');
  expect(granted.length).toBeGreaterThan(1);
  const target = granted.find((p) => p.name !== 'admin' && p.enabled)!;

  await logIn(page, 'admin', 'admin');
  await projectSwitcher(page, 'admin').click();
  await page.getByRole('menuitem', { name: target.name }).click();
  await expect(projectSwitcher(page, target.name)).toBeVisible();

  const session = await (await page.request.get('/auth/session')).json();
  expect(session.project).toEqual({ id: target.id, name: target.name });
  const listed = await page.request.get(`/api/compute/v2.1/${target.id}/servers`);
  expect(listed.status()).toBe(200);

  await page.reload();
  await expect(projectSwitcher(page, target.name)).toBeVisible();
});

test('an expired session returns to the same page after logging in again', async ({ page }) => {
  await logIn(page, 'bob', 'bob');
  // A page that calls the cloud with the session's token (the session probe itself answers
  // from the gateway's session, and the API versions page reads only unauthenticated documents).
  const here = '/key-pairs?from=e2e';
  await page.goto(here);
  await expect(userMenu(page, 'bob')).toBeVisible();

  // Revoke the session's token in the cloud, behind the console's back (test-only route).
  const expired = await page.request.post('/auth/test/expire-session', { headers: { 'X-Requested-With': 'ecs-console' } });
  expect(expired.ok()).toBe(true);

  // The next authenticated call fails with 401; the console sends bob to the login page.
  await page.reload();
  await expect(page).toHaveURL(/\/login\?/);
  expect(new URL(page.url()).searchParams.get('next')).toBe(here);
  await expect(page.getByText('Session expired')).toBeVisible();

  await fillLoginForm(page, 'bob', 'bob');
  await expect(userMenu(page, 'bob')).toBeVisible();
  await expect(page).toHaveURL(here);
});

test('logging out ends the session, on the plain login page (not "session expired")', async ({ page }) => {
  await logIn(page, 'alice', 'alice');
  // a page that reads the cloud, so requests meet the ended session
  await page.goto('/servers');
  await expect(page.getByRole('table', { name: 'Servers' })).toBeVisible({ timeout: 30_000 });
  await userMenu(page, 'alice').click();
  await page.getByRole('menuitem', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  await expect(page.getByText('Session expired')).toHaveCount(0);

  expect(await (await page.request.get('/auth/session')).json()).toEqual({ authenticated: false });
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});
