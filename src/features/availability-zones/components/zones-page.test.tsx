import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { cloudRoutes, PROJECT_ID, session } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const compute = (path: string) => `/api/compute/v2.1/${PROJECT_ID}${path}`;
const service = (available = true) => ({ available, active: true, updated_at: '2026-12-04T20:45:32.000000' });

const routes = (isAdmin: boolean) =>
  cloudRoutes({
    'GET /auth/session': { body: { ...session, isAdmin, roles: isAdmin ? ['admin'] : ['member'] } },
    [`GET ${compute('/os-availability-zone')}`]: {
      body: { availabilityZoneInfo: [{ zoneName: 'nova', zoneState: { available: true }, hosts: null }] },
    },
    [`GET ${compute('/os-availability-zone/detail')}`]: isAdmin
      ? {
          body: {
            availabilityZoneInfo: [
              { zoneName: 'internal', zoneState: { available: true }, hosts: { 'ctl-1': { 'nova-conductor': service(), 'nova-scheduler': service() } } },
              { zoneName: 'nova', zoneState: { available: true }, hosts: { 'cmp-1': { 'nova-compute': service() }, 'cmp-2': { 'nova-compute': service(false) } } },
            ],
          },
        }
      : { status: 403, body: { forbidden: { code: 403, message: "Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed." } } },
    [`GET ${compute('/servers/detail')}`]: { body: { servers: [] } },
    [`GET /api/compute/v2/${PROJECT_ID}/os-volumes/detail`]: { body: { volumes: [] } },
  });

describe('availability zones: hosts for administrators', () => {
  it('shows an administrator every zone’s hosts and their services, from the detail', async () => {
    http = mockHttp(routes(true));
    renderApp({ route: '/availability-zones' });
    const table = await screen.findByRole('table', { name: 'Availability zones' });
    const nova = (await within(table).findByText('cmp-1')).closest('tr')!;
    expect(within(nova).getAllByText('nova-compute')).toHaveLength(1);
    expect(within(nova).getByText('nova-compute (down)')).toBeInTheDocument();
    const internal = within(table).getByText('ctl-1').closest('tr')!;
    expect(within(internal).getByText('nova-conductor')).toBeInTheDocument();
    expect(within(internal).getByText('nova-scheduler')).toBeInTheDocument();
    expect(screen.queryByText('Shown to administrators only')).not.toBeInTheDocument();
    expect(http.to(compute('/os-availability-zone'))).toHaveLength(0);
  });

  it('tells a member the hosts are for administrators, without asking the detail', async () => {
    http = mockHttp(routes(false));
    renderApp({ route: '/availability-zones' });
    const table = await screen.findByRole('table', { name: 'Availability zones' });
    expect(await within(table).findByText('Shown to administrators only')).toBeInTheDocument();
    expect(http.to(compute('/os-availability-zone/detail'))).toHaveLength(0);
  });
});
