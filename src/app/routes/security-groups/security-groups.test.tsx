import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
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
