import { createBrowserRouter, type RouteObject } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { areas, type AreaKey } from './areas';
import { loginLoader, requireSession } from './loaders';
import { RootLayout } from './root-layout';
import { FullPageLoader, RouteError } from './route-error';

/** Areas that have their page; every other area of the navbar gets the "not built yet" page. */
const builtAreas: Partial<Record<AreaKey, RouteObject['lazy']>> = {
  overview: () => import('./routes/overview'),
  apiVersions: () => import('./routes/api-versions'),
  servers: () => import('./routes/servers/area'),
  flavors: () => import('./routes/flavors/list'),
  images: () => import('./routes/images/list'),
  keypairs: () => import('./routes/key-pairs/list'),
  serverGroups: () => import('./routes/server-groups/list'),
  volumes: () => import('./routes/volumes/list'),
  snapshots: () => import('./routes/snapshots/list'),
  networks: () => import('./routes/networks/list'),
  securityGroups: () => import('./routes/security-groups/list'),
  availabilityZones: () => import('./routes/availability-zones/list'),
  limits: () => import('./routes/limits/list'),
};

/** Whether an area has its own page yet (tests walk the rest as "not built yet"). */
export function isAreaBuilt(key: AreaKey): boolean {
  return key in builtAreas;
}

function areaRoutes(): RouteObject[] {
  return areas.map((area): RouteObject => {
    const lazy = builtAreas[area.key] ?? (() => import('./routes/not-built'));
    const handle = { area: area.key };
    return area.path === '/' ? { index: true, lazy, handle } : { path: `${area.path.slice(1)}/*`, lazy, handle };
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
          lazy: () => import('./routes/login'),
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
              children: [...areaRoutes(), { path: '*', lazy: () => import('./routes/not-found') }],
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
