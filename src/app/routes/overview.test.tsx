import { afterEach, describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, limits, PROJECT_ID } from '../../test/fixtures';
import { mockHttp } from '../../test/http-mock';
import { renderApp } from '../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

function card(label: string) {
  const title = screen.getByText(label, { selector: 'p' });
  return title.closest('.mantine-Card-root') as HTMLElement;
}

describe('overview page', () => {
  it("shows the project's usage against its limits", async () => {
    http = mockHttp(cloudRoutes());
    renderApp({ route: '/' });
    expect(await screen.findByText('3 of 10')).toBeInTheDocument();
    expect(within(card('Instances')).getByText('30%')).toBeInTheDocument();
    expect(within(card('vCPUs')).getByText('7 of 20')).toBeInTheDocument();
    expect(within(card('vCPUs')).getByText('35%')).toBeInTheDocument();
    expect(within(card('RAM')).getByText('12 GB of 50 GB')).toBeInTheDocument();
    expect(within(card('Key pairs')).getByText('2 of 100')).toBeInTheDocument();
    expect(within(card('Security groups')).getByText('2 of 10')).toBeInTheDocument();
    expect(within(card('Server groups')).getByText('1 of 10')).toBeInTheDocument();
  });

  it('sends the negotiated microversion on the limits call', async () => {
    http = mockHttp(cloudRoutes());
    renderApp({ route: '/' });
    await screen.findByText('3 of 10');
    const [request] = http.to(`/api/compute/v2.1/${PROJECT_ID}/limits`);
    expect(request?.headers['x-openstack-nova-api-version']).toBe('2.26');
    expect(request?.headers['openstack-api-version']).toBe('compute 2.26');
  });

  it('lists the quota set and the API versions', async () => {
    http = mockHttp(cloudRoutes());
    renderApp({ route: '/' });
    const quota = await screen.findByRole('table', { name: 'Project quota' });
    const instances = within(quota).getByText('Instances').closest('tr') as HTMLElement;
    expect(within(instances).getByText('10')).toBeInTheDocument();
    const ram = within(quota).getByText('RAM').closest('tr') as HTMLElement;
    expect(within(ram).getByText('50 GB')).toBeInTheDocument();
    const rules = within(quota).getByText('Rules per security group').closest('tr') as HTMLElement;
    expect(within(rules).getByText('Unlimited')).toBeInTheDocument();
    expect(await screen.findByText('The console uses microversion 2.26 (it supports up to 2.26).')).toBeInTheDocument();
    expect(screen.getByText('microversions 2.1 – 2.104')).toBeInTheDocument();
    expect(await screen.findByText('Legacy API v2.0: Deprecated')).toBeInTheDocument();
  });

  it('shows an unlimited quota as such', async () => {
    const absolute = { ...limits.limits.absolute, maxTotalCores: -1 };
    http = mockHttp(
      cloudRoutes({ [`GET /api/compute/v2.1/${PROJECT_ID}/limits`]: { body: { limits: { rate: [], absolute } } } }),
    );
    renderApp({ route: '/' });
    expect(await screen.findByText('7 used · unlimited')).toBeInTheDocument();
  });

  it("shows Nova's message and request id inline, and retries", async () => {
    let fail = true;
    http = mockHttp(
      cloudRoutes({
        [`GET /api/compute/v2.1/${PROJECT_ID}/limits`]: () =>
          fail
            ? {
                status: 500,
                body: { computeFault: { code: 500, message: 'Unexpected API Error.' } },
                headers: { 'x-openstack-request-id': 'req-boom' },
              }
            : { body: limits },
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/' });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Unexpected API Error.')).toBeInTheDocument();
    expect(within(alert).getByText('req-boom')).toBeInTheDocument();
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('3 of 10')).toBeInTheDocument();
  });

  it('reports a malformed limits answer clearly instead of crashing', async () => {
    http = mockHttp(
      cloudRoutes({ [`GET /api/compute/v2.1/${PROJECT_ID}/limits`]: { body: { limits: { absolute: { maxTotalCores: 'lots' } } } } }),
    );
    renderApp({ route: '/' });
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Unexpected answer from the cloud')).toBeInTheDocument();
    expect(within(alert).getByText(/limits\.absolute\.maxTotalCores/)).toBeInTheDocument();
  });
});
