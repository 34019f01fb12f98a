import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, PROJECT_ID } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const group = (id: string, name: string) => ({ id, name, description: '', tenant_id: PROJECT_ID, rules: [] });
const server = (id: string, name: string, groups: string[]) => ({
  id,
  name,
  status: 'ACTIVE',
  tenant_id: PROJECT_ID,
  metadata: {},
  image: '',
  flavor: { id: 'f1' },
  created: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  addresses: {},
  security_groups: groups.map((name) => ({ name })),
});

const routes = () =>
  cloudRoutes({
    [`GET /api/compute/v2/${PROJECT_ID}/os-security-groups`]: {
      body: { security_groups: [group('g-default', 'default'), group('g-web', 'web'), group('g-spare', 'spare')] },
    },
    [`GET /api/compute/v2/${PROJECT_ID}/os-security-groups/g-web`]: { body: { security_group: group('g-web', 'web') } },
    [`GET /api/compute/v2.1/${PROJECT_ID}/servers/detail`]: {
      body: { servers: [server('s1', 'web-1', ['web']), server('s2', 'web-2', ['web', 'default'])] },
    },
  });

describe('security groups: a group in use cannot be deleted', () => {
  it("the row's Delete is disabled and says why; an unused group's is not", { timeout: 30_000 }, async () => {
    http = mockHttp(routes());
    const user = userEvent.setup();
    renderApp({ route: '/security-groups' });
    await screen.findByRole('link', { name: 'web' });
    // the servers are known once the count column shows them
    await screen.findByRole('cell', { name: '2' });
    await user.click(screen.getByRole('button', { name: 'Actions for web' }));
    const remove = await screen.findByRole('menuitem', { name: 'Delete security group' });
    expect(remove).toBeDisabled();
    expect(remove).toHaveAttribute('title', 'Used by 2 server(s): the cloud refuses to delete a group in use. Remove it from those servers first.');
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Actions for spare' }));
    expect(await screen.findByRole('menuitem', { name: 'Delete security group' })).toBeEnabled();
  });

  it("the group's page disables Delete too", { timeout: 30_000 }, async () => {
    http = mockHttp(routes());
    renderApp({ route: '/security-groups/g-web' });
    await screen.findByRole('link', { name: 'web-2' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Delete security group' })).toBeDisabled());
    expect(screen.getByRole('button', { name: 'Delete security group' })).toHaveAttribute('title', expect.stringContaining('Used by 2 server(s)'));
  });
});

describe("security groups: rules that Nova's view shows alike", () => {
  // what the real Nova answers for a project's default group: the IPv4 and the IPv6 rule of
  // Neutron, without their ethertype
  const member = (id: string) => ({ id, parent_group_id: 'g-default', ip_protocol: null, from_port: null, to_port: null, ip_range: {}, group: { name: 'default', tenant_id: PROJECT_ID } });
  const ssh = { id: 'r-ssh', parent_group_id: 'g-default', ip_protocol: 'tcp', from_port: 22, to_port: 22, ip_range: { cidr: '0.0.0.0/0' }, group: {} };
  const withRules = () =>
    cloudRoutes({
      ...routes(),
      [`GET /api/compute/v2/${PROJECT_ID}/os-security-groups/g-default`]: {
        body: { security_group: { ...group('g-default', 'default'), rules: [member('r-v4'), ssh, member('r-v6')] } },
      },
      [`DELETE /api/compute/v2/${PROJECT_ID}/os-security-group-rules/r-v4`]: { status: 202 },
      [`DELETE /api/compute/v2/${PROJECT_ID}/os-security-group-rules/r-v6`]: { status: 202 },
    });

  it('are one row with their count and a note; a CIDR says IPv4; deleting the row deletes both, after saying so', { timeout: 30_000 }, async () => {
    http = mockHttp(withRules());
    const user = userEvent.setup();
    renderApp({ route: '/security-groups/g-default' });
    const table = await screen.findByRole('table', { name: 'Rules' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      expect.stringMatching(/^InboundNot saidAnyAll portsMembers of default2 rules/),
      expect.stringMatching(/^InboundIPv4TCP220\.0\.0\.0\/0/),
    ]);
    expect(screen.getByText(/Rules that the compute API shows alike are one row/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Actions for Any All ports Members of default (2 rules)' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete rule' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete these 2 rules?' });
    expect(dialog).toHaveTextContent('The 2 rules shown alike as Any All ports Members of default');
    await user.click(within(dialog).getByRole('button', { name: 'Delete rule' }));
    await waitFor(() => expect(http!.requests.filter((r) => r.method.toUpperCase() === 'DELETE').map((r) => r.url)).toEqual([
      `/api/compute/v2/${PROJECT_ID}/os-security-group-rules/r-v4`,
      `/api/compute/v2/${PROJECT_ID}/os-security-group-rules/r-v6`,
    ]));
  });
});
