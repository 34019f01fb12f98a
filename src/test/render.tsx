import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { AppOverlays } from '../app/app-overlays';
import { AppProvider } from '../app/provider';
import { createAppRoutes } from '../app/router';
import { createQueryClient } from '../lib/query-client';
import '../lib/i18n';

/** A fresh QueryClient like the app's, without retries so errors show at once. */
export function createTestQueryClient(): QueryClient {
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false, staleTime: Infinity },
    mutations: { retry: false },
  });
  return client;
}

interface RenderOptions {
  /** Initial URL of the memory router. */
  route?: string;
  queryClient?: QueryClient;
}

function mount(routes: RouteObject[], { route = '/', queryClient = createTestQueryClient() }: RenderOptions) {
  const router = createMemoryRouter(routes, { initialEntries: [route] });
  const result = render(
    <AppProvider queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient };
}

/** Renders one element at `route` (default `/`) inside every provider the app has, modals and notifications included. */
export function renderWithProviders(ui: ReactElement, options: RenderOptions & { path?: string } = {}) {
  return mount([{ path: options.path ?? '*', element: <AppOverlays>{ui}</AppOverlays> }], options);
}

/** Renders the whole app (real route table, lazy pages, loaders) at `route`. */
export function renderApp(options: RenderOptions = {}) {
  const queryClient = options.queryClient ?? createTestQueryClient();
  return mount(createAppRoutes(queryClient), { ...options, queryClient });
}
