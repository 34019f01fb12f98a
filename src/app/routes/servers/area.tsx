import { lazy } from 'react';
import { withStrings } from '../../page-namespaces';
import { AreaRoutes } from '../area-routes';

const ServersListPage = lazy(withStrings('routes/servers/list', () => import('./list').then((m) => ({ default: m.ServersListPage }))));
const CreateServerPage = lazy(withStrings('routes/servers/create', () => import('./create').then((m) => ({ default: m.CreateServerPage }))));
const ServerDetailPage = lazy(withStrings('routes/servers/detail', () => import('./detail').then((m) => ({ default: m.ServerDetailPage }))));

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
