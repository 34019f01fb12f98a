import { lazy } from 'react';
import { AreaRoutes } from '../area-routes';

const ServersListPage = lazy(() => import('./list').then((m) => ({ default: m.ServersListPage })));
const CreateServerPage = lazy(() => import('./create').then((m) => ({ default: m.CreateServerPage })));
const ServerDetailPage = lazy(() => import('./detail').then((m) => ({ default: m.ServerDetailPage })));

export const routePatterns = ['', 'create', ':serverId/*'];

/** Servers: the list, the create wizard, and one server's page (its tab in the rest of the path). */
export function Component() {
  return (
    <AreaRoutes
      routes={[
        { path: '', element: <ServersListPage /> },
        { path: 'create', element: <CreateServerPage /> },
        { path: ':serverId/*', element: <ServerDetailPage /> },
      ]}
    />
  );
}
