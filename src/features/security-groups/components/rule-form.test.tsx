import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, PROJECT_ID } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

// security groups are a proxy API: /v2 when the endpoint has it
const proxy = (path: string) => `/api/compute/v2/${PROJECT_ID}${path}`;
const GROUP = '3d02312d-0764-49c9-8244-2368ddce0045';
const group = {
  id: GROUP,
  name: 'web',
  description: 'web tier',
  tenant_id: PROJECT_ID,
  rules: [
    {
      id: 'r1',
      parent_group_id: GROUP,
      ip_protocol: 'tcp',
      from_port: 22,
      to_port: 22,
      ip_range: { cidr: '0.0.0.0/0' },
      group: {},
    },
  ],
};

function routes(ruleAnswer: { status: number; body: unknown }) {
  return cloudRoutes({
    [`GET ${proxy('/os-security-groups')}`]: { body: { security_groups: [group] } },
    [`GET ${proxy(`/os-security-groups/${GROUP}`)}`]: { body: { security_group: group } },
    [`POST ${proxy('/os-security-group-rules')}`]: ruleAnswer,
    [`GET /api/compute/v2.1/${PROJECT_ID}/servers/detail`]: { body: { servers: [] } },
  });
}

describe('the rules editor', () => {
  it("shows the API's message when it refuses a duplicate", async () => {
    http = mockHttp(routes({ status: 400, body: { badRequest: { code: 400, message: `This rule already exists in group ${GROUP}` } } }));
    const user = userEvent.setup();
    renderApp({ route: `/security-groups/${GROUP}` });
    const form = await screen.findByRole('form', { name: 'Add a rule' });
    await user.click(within(form).getByRole('button', { name: 'SSH' }));
    await user.click(within(form).getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(within(form).getByRole('alert')).toHaveTextContent(`This rule already exists in group ${GROUP}`));
    expect(http.to(proxy('/os-security-group-rules'), 'POST')[0].body).toEqual({
      security_group_rule: { parent_group_id: GROUP, ip_protocol: 'tcp', from_port: 22, to_port: 22, cidr: '0.0.0.0/0' },
    });
  });

  it('says a reversed port range as it is typed, before any submit', async () => {
    http = mockHttp(routes({ status: 200, body: {} }));
    const user = userEvent.setup();
    renderApp({ route: `/security-groups/${GROUP}` });
    const form = await screen.findByRole('form', { name: 'Add a rule' });
    await user.type(within(form).getByLabelText('From port'), '9000');
    await user.clear(within(form).getByLabelText('To port'));
    await user.type(within(form).getByLabelText('To port'), '80');
    expect(await within(form).findByText('The last port (80) is below the first (9000): swap them, or give the same port in both.')).toBeInTheDocument();
    // and goes away once the range reads right
    await user.clear(within(form).getByLabelText('From port'));
    await user.type(within(form).getByLabelText('From port'), '22');
    await waitFor(() => expect(within(form).queryByText(/is below the first/)).not.toBeInTheDocument());
    expect(http.to(proxy('/os-security-group-rules'), 'POST')).toHaveLength(0);
  });

  it('refuses a bad port range and a bad CIDR before sending', async () => {
    http = mockHttp(routes({ status: 200, body: {} }));
    const user = userEvent.setup();
    renderApp({ route: `/security-groups/${GROUP}` });
    const form = await screen.findByRole('form', { name: 'Add a rule' });
    await user.type(within(form).getByLabelText('From port'), '443');
    await user.clear(within(form).getByLabelText('To port'));
    await user.type(within(form).getByLabelText('To port'), '80');
    await user.clear(within(form).getByLabelText('Source CIDR'));
    await user.type(within(form).getByLabelText('Source CIDR'), '10.0.0.0/33');
    await user.click(within(form).getByRole('button', { name: 'Add rule' }));
    expect(await within(form).findByText('The last port (80) is below the first (443): swap them, or give the same port in both.')).toBeInTheDocument();
    expect(within(form).getByText('10.0.0.0/33 is not a valid IP network (e.g. 192.168.0.0/24 or 2001:db8::/32)')).toBeInTheDocument();
    expect(http.to(proxy('/os-security-group-rules'), 'POST')).toHaveLength(0);
  });

  it('lists the rules in words', async () => {
    http = mockHttp(routes({ status: 200, body: {} }));
    renderApp({ route: `/security-groups/${GROUP}` });
    const rules = await screen.findByRole('table', { name: 'Rules' });
    const row = within(rules).getByRole('button', { name: 'Actions for TCP 22 0.0.0.0/0' }).closest('tr') as HTMLElement;
    expect(within(row).getByText('Inbound')).toBeInTheDocument();
  });
});
