import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiClient } from '../lib/api-client';
import { cloudRoutes, limits, PROJECT_ID, quotaSet, session } from '../test/fixtures';
import { mockHttp } from '../test/http-mock';
import { renderApp } from '../test/render';
import { areas } from './areas';
import { isAreaBuilt } from './router';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const AREAS = [
  'Overview',
  'Servers',
  'Flavors',
  'Images',
  'Key pairs',
  'Server groups',
  'Volumes',
  'Snapshots',
  'Networks',
  'Security groups',
  'Availability zones',
  'Limits & quotas',
  'API versions',
];

describe('app shell', () => {
  it('links every area of the spec from the navbar', async () => {
    http = mockHttp(cloudRoutes());
    renderApp({ route: '/' });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual(AREAS);
    expect(within(nav).getByRole('link', { name: 'Overview' })).toHaveAttribute('href', '/');
  });

  it('opens each unbuilt area as a plain "not built yet" page, not a dead link', async () => {
    http = mockHttp(cloudRoutes());
    const user = userEvent.setup();
    renderApp({ route: '/' });
    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    const unbuilt = areas.filter((area) => !isAreaBuilt(area.key)).map((area) => AREAS[areas.indexOf(area)] ?? '');
    for (const area of unbuilt.slice(0, 3)) {
      await user.click(within(nav).getByRole('link', { name: area }));
      expect(await screen.findByRole('heading', { name: area, level: 1 })).toBeInTheDocument();
      expect(screen.getByText('Not built yet')).toBeInTheDocument();
    }
  });

  it('shows the user, roles, region and project in the header', async () => {
    http = mockHttp(cloudRoutes());
    const user = userEvent.setup();
    renderApp({ route: '/' });
    expect(await screen.findByRole('button', { name: 'Project: alpha' })).toBeInTheDocument();
    expect(screen.getByText('cn-north-1 · embedded')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'User menu of alice' }));
    expect(await screen.findByRole('menuitem', { name: 'Log out' })).toBeInTheDocument();
    expect(screen.getByText('member')).toBeInTheDocument();
  });

  it('switches project through the gateway and refetches under the new scope', async () => {
    const beta = { ...session, project: { id: 'p-beta', name: 'beta' } };
    http = mockHttp(cloudRoutes({ 'POST /auth/project': { body: beta } }));
    const user = userEvent.setup();
    renderApp({ route: '/' });
    await user.click(await screen.findByRole('button', { name: 'Project: alpha' }));
    await user.click(await screen.findByRole('menuitem', { name: 'beta' }));
    expect(await screen.findByRole('button', { name: 'Project: beta' })).toBeInTheDocument();
    expect(http.to('/auth/project')[0]?.body).toEqual({ projectId: 'p-beta' });
    // the overview now asks for beta's limits
    await screen.findByText(/Project beta/);
    expect(http.requests.some((r) => r.url === '/api/compute/v2.1/p-beta/limits')).toBe(true);
  });

  it('switches the language and remembers it', async () => {
    http = mockHttp(cloudRoutes());
    const user = userEvent.setup();
    renderApp({ route: '/' });
    await user.click(await screen.findByRole('button', { name: 'Language' }));
    await user.click(await screen.findByRole('menuitem', { name: '简体中文' }));
    expect(await screen.findByRole('link', { name: '云服务器' })).toBeInTheDocument();
    expect(localStorage.getItem('ecs-console.language')).toBe('zh-CN');
    await user.click(screen.getByRole('button', { name: '语言' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));
    expect(await screen.findByRole('link', { name: 'Servers' })).toBeInTheDocument();
  });

  it("says the embedded cloud's endpoint in the UI's language", async () => {
    http = mockHttp(cloudRoutes({ 'GET /auth/session': { body: { ...session, endpointName: 'Embedded cloud' } } }));
    const user = userEvent.setup();
    renderApp({ route: '/' });
    expect(await screen.findByLabelText('Region and endpoint')).toHaveTextContent(/^cn-north-1 · Embedded cloud$/);
    await user.click(screen.getByRole('button', { name: 'Language' }));
    await user.click(await screen.findByRole('menuitem', { name: '简体中文' }));
    expect(await screen.findByLabelText('区域和终端节点')).toHaveTextContent(/^cn-north-1 · 内置云平台$/);
    await user.click(screen.getByRole('button', { name: '语言' }));
    await user.click(await screen.findByRole('menuitem', { name: 'English' }));
    await screen.findByRole('link', { name: 'Servers' });
  });

  it("shows an operator's endpoint name as given, in either language", async () => {
    http = mockHttp(cloudRoutes({ 'GET /auth/session': { body: { ...session, endpointName: 'Embedded cloud east' } } }));
    renderApp({ route: '/' });
    expect(await screen.findByLabelText('Region and endpoint')).toHaveTextContent(/^cn-north-1 · Embedded cloud east$/);
  });

  it('logs out to the plain login page: not "session expired", whatever the open page asks after', async () => {
    let signedIn = true;
    const gate = (answer: () => { status?: number; body?: unknown }) => () =>
      signedIn ? answer() : { status: 401, body: { error: { message: 'Not signed in', code: 'not_authenticated' } } };
    http = mockHttp(
      cloudRoutes({
        // the gateway: a signed-out visitor is a 200 `{authenticated: false}`; the API answers 401
        'GET /auth/session': () => ({ body: signedIn ? session : { authenticated: false } }),
        [`GET /api/compute/v2.1/${PROJECT_ID}/limits`]: gate(() => ({ body: limits })),
        [`GET /api/compute/v2.1/${PROJECT_ID}/os-quota-sets/${PROJECT_ID}`]: gate(() => ({ body: quotaSet })),
        'POST /auth/logout': () => {
          signedIn = false;
          // a poll of the page still in flight meets the ended session
          setTimeout(() => void apiClient.get(`/api/compute/v2.1/${PROJECT_ID}/limits`).catch(() => undefined), 0);
          return { status: 204 };
        },
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ route: '/' });
    await screen.findByText(/Project alpha/);
    await user.click(await screen.findByRole('button', { name: 'User menu of alice' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Log out' }));
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    // give every query that was on screen the time to ask again
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('');
    expect(screen.queryByText('Session expired')).not.toBeInTheDocument();
  });
});
