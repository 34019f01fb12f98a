import { createBrowserRouter, type LoaderFunction, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { areas, type AreaKey } from './areas';
import { loginLoader, requireSession } from './loaders';
import { Component as LoginPage } from './routes/login';
import { withStrings } from './page-namespaces';
import { RootLayout } from './root-layout';
import { FullPageLoader, RouteError } from './route-error';

/** Areas that have their page; every other area of the navbar gets the "not built yet" page. */
const builtAreas: Partial<Record<AreaKey, RouteObject['lazy']>> = {
  overview: withStrings('routes/overview', () => import('./routes/overview')),
  apiVersions: withStrings('routes/api-versions', () => import('./routes/api-versions')),
  servers: withStrings('routes/servers/area', () => import('./routes/servers/area')),
  flavors: withStrings('routes/flavors/list', () => import('./routes/flavors/list')),
  images: withStrings('routes/images/list', () => import('./routes/images/list')),
  keypairs: withStrings('routes/key-pairs/list', () => import('./routes/key-pairs/list')),
  serverGroups: withStrings('routes/server-groups/list', () => import('./routes/server-groups/list')),
  volumes: withStrings('routes/volumes/list', () => import('./routes/volumes/list')),
  snapshots: withStrings('routes/snapshots/list', () => import('./routes/snapshots/list')),
  networks: withStrings('routes/networks/list', () => import('./routes/networks/list')),
  securityGroups: withStrings('routes/security-groups/list', () => import('./routes/security-groups/list')),
  availabilityZones: withStrings('routes/availability-zones/list', () => import('./routes/availability-zones/list')),
  limits: withStrings('routes/limits/list', () => import('./routes/limits/list')),
};

/** Whether an area has its own page yet (tests walk the rest as "not built yet"). */
export function isAreaBuilt(key: AreaKey): boolean {
  return key in builtAreas;
}

/**
 * Loaders that start an area's first read while its code loads (their code is a chunk of its
 * own, fetched with the area's: the entry stays light).
 */
function areaLoaders(queryClient: QueryClient): Partial<Record<AreaKey, LoaderFunction>> {
  return {
    servers: async (args) => (await import('./routes/servers/prefetch')).prefetchServers(queryClient, args),
  };
}

function areaRoutes(queryClient: QueryClient): RouteObject[] {
  const loaders = areaLoaders(queryClient);
  return areas.map((area): RouteObject => {
    const lazy = builtAreas[area.key] ?? withStrings('routes/not-built', () => import('./routes/not-built'));
    const route = { lazy, handle: { area: area.key }, loader: loaders[area.key] };
    return area.path === '/' ? { index: true, ...route } : { path: `${area.path.slice(1)}/*`, ...route };
  });
}

/** The route table; tests mount it in a memory router. Every page is its own chunk. */
export function createAppRoutes(queryClient: QueryClient): RouteObject[] {
  return [
    {
      id: 'root',
      Component: RootLayout,
      errorElement: <RouteError />,
      hydrateFallbackElement: <FullPageLoader />,
      children: [
        {
          path: 'login',
          loader: loginLoader(queryClient),
          // part of the first download: the login page is where a cold visit lands
          Component: LoginPage,
          errorElement: <RouteError />,
        },
        {
          id: 'app',
          loader: requireSession(queryClient),
          lazy: () => import('./shell'),
          errorElement: <RouteError />,
          children: [
            {
              // a failing page keeps the shell around it
              errorElement: <RouteError />,
              children: [...areaRoutes(queryClient), { path: '*', lazy: withStrings('routes/not-found', () => import('./routes/not-found')) }],
            },
          ],
        },
      ],
    },
  ];
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createAppRoutes(queryClient));
}
