import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, limits, PROJECT_ID, quotaSet, session } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => http?.restore());

const compute = (path: string) => `/api/compute/v2.1/${PROJECT_ID}${path}`;
const defaults = { quota_set: { ...quotaSet.quota_set, cores: 40 } };

function cells(rowName: string) {
  const table = screen.getByRole('table', { name: 'Quotas and usage' });
  const header = within(table).getByRole('rowheader', { name: rowName });
  return within(header.closest('tr') as HTMLElement).getAllByRole('cell').map((cell) => cell.textContent);
}

describe('limits and quotas page', () => {
  it('puts usage (15.1), quota (16.1) and default (16.2) side by side', async () => {
    http = mockHttp(cloudRoutes({ [`GET ${compute(`/os-quota-sets/${PROJECT_ID}/defaults`)}`]: { body: defaults } }));
    renderApp({ route: '/limits' });
    await screen.findByRole('table', { name: 'Quotas and usage' });
    expect(cells('Instances').slice(0, 3)).toEqual(['3', '10', '10']);
    // the quota differs from the default: marked
    expect(cells('vCPUs').slice(0, 3)).toEqual(['7', 'custom20', '40']);
    expect(cells('vCPUs')[3]).toContain('35%');
    expect(cells('RAM').slice(0, 3)).toEqual(['12 GB', '50 GB', '50 GB']);
    // key pairs in use come from the key pair list (14.1)
    expect(cells('Key pairs').slice(0, 3)).toEqual(['2', '100', '100']);
    expect(cells('Rules per security group')[1]).toBe('Unlimited');
    // a limit on each item has no use to report: it says what it limits
    expect(cells('Metadata items per server')[3]).toBe('Applies to each server');
    expect(cells('Injected file size')[3]).toBe('Applies to each file');
    const absolute = screen.getByRole('table', { name: 'Absolute limits' });
    expect(within(absolute).getByRole('rowheader', { name: /maxServerMeta/ }).closest('tr')).toHaveTextContent(
      String(limits.limits.absolute.maxServerMeta),
    );
    // members cannot pick another project
    expect(screen.queryByRole('combobox', { name: 'Project' })).not.toBeInTheDocument();
  });

  it("lets an admin look at another project's limits", async () => {
    http = mockHttp(
      cloudRoutes({
        'GET /auth/session': { body: { ...session, isAdmin: true, roles: ['admin'] } },
        [`GET ${compute('/os-quota-sets/p-beta')}`]: { body: { quota_set: { ...quotaSet.quota_set, id: 'p-beta', instances: 4 } } },
        [`GET ${compute('/os-quota-sets/p-beta/defaults')}`]: { body: defaults },
        [`GET ${compute(`/os-quota-sets/${PROJECT_ID}/defaults`)}`]: { body: defaults },
      }),
    );
    const user = userEvent.setup();
    const { router } = renderApp({ route: '/limits' });
    const picker = await screen.findByRole('combobox', { name: 'Project' });
    await user.type(picker, 'beta');
    await user.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() => expect(router.state.location.search).toBe('?project=p-beta'));
    await waitFor(() => expect(cells('Instances')[1]).toBe('custom4'));
    expect(http.to(compute('/limits')).at(-1)?.params).toEqual({ tenant_id: 'p-beta' });
  });
});
