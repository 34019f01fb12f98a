import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, session } from '../../test/fixtures';
import { mockHttp } from '../../test/http-mock';
import { renderApp } from '../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const signedOut = { 'GET /auth/session': { status: 401, body: { error: { message: 'Not signed in' } } } };

async function fill(user: ReturnType<typeof userEvent.setup>, username: string, password: string) {
  await user.type(await screen.findByLabelText(/^Username/), username);
  await user.type(screen.getByLabelText(/^Password/), password);
}

describe('login page', () => {
  it('sends a signed-out visitor to login, keeping where they were going', async () => {
    http = mockHttp(cloudRoutes(signedOut));
    const { router } = renderApp({ route: '/api-versions?tab=x' });
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/api-versions?tab=x');
    expect(screen.getByLabelText(/^Domain/)).toHaveValue('Default');
    expect(screen.getByLabelText(/^Project/)).toHaveValue('');
  });

  it('validates before sending anything', async () => {
    http = mockHttp(cloudRoutes(signedOut));
    const user = userEvent.setup();
    renderApp({ route: '/login' });
    await user.click(await screen.findByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Enter your username')).toBeInTheDocument();
    expect(screen.getByText('Enter your password')).toBeInTheDocument();
    expect(http.to('/auth/login')).toHaveLength(0);
  });

  it("shows the cloud's message when the login is refused", async () => {
    http = mockHttp(
      cloudRoutes({
        ...signedOut,
        'POST /auth/login': { status: 401, body: { error: { message: 'The request you have made requires authentication.' } } },
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/login' });
    await fill(user, 'alice', 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('The request you have made requires authentication.')).toBeInTheDocument();
  });

  it('explains throttling with the wait time', async () => {
    http = mockHttp(
      cloudRoutes({
        ...signedOut,
        'POST /auth/login': { status: 429, body: { error: { message: 'slow down' } }, headers: { 'retry-after': '42' } },
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/login' });
    await fill(user, 'alice', 'alice');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Too many attempts. Try again in 42 s.')).toBeInTheDocument();
  });

  it('logs in and returns to `next`', async () => {
    let signedIn = false;
    http = mockHttp(
      cloudRoutes({
        'GET /auth/session': () =>
          signedIn ? { body: session } : { status: 401, body: { error: { message: 'Not signed in' } } },
        'POST /auth/login': () => {
          signedIn = true;
          return { body: session };
        },
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ route: '/login?next=%2Fapi-versions' });
    await fill(user, ' alice ', 'alice');
    await user.type(screen.getByLabelText(/^Project/), 'alpha');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { name: 'API versions', level: 1 })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/api-versions');
    expect(http.to('/auth/login')[0]?.body).toEqual({ username: 'alice', password: 'alice', domain: 'Default', project: 'alpha' });
  });

  it('never follows a `next` that leaves the console', async () => {
    let signedIn = false;
    http = mockHttp(
      cloudRoutes({
        'GET /auth/session': () =>
          signedIn ? { body: session } : { status: 401, body: { error: { message: 'Not signed in' } } },
        'POST /auth/login': () => {
          signedIn = true;
          return { body: session };
        },
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ route: '/login?next=%2F%2Fevil.example%2Fx' });
    await fill(user, 'alice', 'alice');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });
});
