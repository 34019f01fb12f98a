import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Button, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { createMemoryRouter, redirect, RouterProvider, type RouteObject } from 'react-router';
import { apiClient } from '../lib/api-client';
import { usePersistentFormDraft } from '../lib/use-persistent-form-draft';
import { cloudRoutes, session } from '../test/fixtures';
import { mockHttp } from '../test/http-mock';
import { createTestQueryClient } from '../test/render';
import { loginLoader } from './loaders';
import { AppProvider } from './provider';
import { RootLayout } from './root-layout';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

/** A form like the create-server wizard will have: a draft, and a call that meets an expired session. */
function CreateForm() {
  const draft = usePersistentFormDraft('create', { name: '' });
  const form = useForm({ initialValues: draft.initialValues, onValuesChange: draft.save });
  return (
    <form
      onSubmit={form.onSubmit(async () => {
        await apiClient.post('/api/compute/v2.1/p/servers', {}).catch(() => undefined);
      })}
    >
      {draft.restored && <p>Draft restored</p>}
      <TextInput label="Name" {...form.getInputProps('name')} />
      <Button type="submit">Create</Button>
    </form>
  );
}

describe('session expiry', () => {
  it('survives a session expiry and the trip through the login page', async () => {
    let signedIn = true;
    http = mockHttp(
      cloudRoutes({
        'GET /auth/session': () => (signedIn ? { body: session } : { status: 401, body: { error: { message: 'no' } } }),
        'POST /api/compute/v2.1/p/servers': () => {
          signedIn = false;
          return { status: 401, body: { error: { message: 'The token has expired' } } };
        },
        'POST /auth/login': () => {
          signedIn = true;
          return { body: session };
        },
      }),
    );
    const queryClient = createTestQueryClient();
    const routes: RouteObject[] = [
      {
        Component: RootLayout,
        children: [
          { path: 'login', loader: loginLoader(queryClient), lazy: () => import('../app/routes/login') },
          {
            path: 'servers/new',
            loader: () => (signedIn ? null : redirect('/login')),
            element: <CreateForm />,
          },
        ],
      },
    ];
    const router = createMemoryRouter(routes, { initialEntries: ['/servers/new?step=2'] });
    render(
      <AppProvider queryClient={queryClient} env="test">
        <RouterProvider router={router} />
      </AppProvider>,
    );
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Name'), 'web-1');
    await user.click(screen.getByRole('button', { name: 'Create' }));

    expect(await screen.findByText('Session expired')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/servers/new?step=2');

    await user.type(screen.getByLabelText(/^Username/), 'alice');
    await user.type(screen.getByLabelText(/^Password/), 'alice');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByText('Draft restored')).toBeInTheDocument();
    expect(router.state.location.pathname + router.state.location.search).toBe('/servers/new?step=2');
    expect(screen.getByLabelText('Name')).toHaveValue('web-1');
  });
});
