import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { cloudRoutes, PROJECT_ID } from '../../../test/fixtures';
import { mockHttp } from '../../../test/http-mock';
import { renderApp } from '../../../test/render';

let http: ReturnType<typeof mockHttp> | undefined;
afterEach(() => {
  http?.restore();
  vi.restoreAllMocks();
});

const PRIVATE_KEY = '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\n';
/** jsdom's Blob has no text(). */
function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

const keypairsPath = `/api/compute/v2.1/${PROJECT_ID}/os-keypairs`;

describe('creating a key pair', () => {
  it('offers the private key for download once, then forgets it', async () => {
    http = mockHttp(
      cloudRoutes({
        [`POST ${keypairsPath}`]: (request) => ({
          status: 201,
          body: {
            keypair: {
              name: (request.body as { keypair: { name: string } }).keypair.name,
              public_key: 'ssh-rsa AAAA generated',
              fingerprint: '7e:eb:ab',
              user_id: 'u-alice',
              private_key: PRIVATE_KEY,
              type: 'ssh',
            },
          },
        }),
      }),
    );
    const blobs: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:key';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    const user = userEvent.setup();
    const { queryClient } = renderApp({ route: '/key-pairs' });
    await user.click(await screen.findByRole('button', { name: 'Create key pair' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a key pair' });
    await user.type(within(dialog).getByLabelText(/Name/), 'web-key');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));

    const created = await screen.findByRole('dialog', { name: 'Key pair web-key created' });
    expect(http.to(keypairsPath, 'POST')[0].body).toEqual({ keypair: { name: 'web-key', type: 'ssh' } });
    expect(within(created).getByText(/only time the private key is available/)).toBeInTheDocument();
    await user.click(within(created).getByRole('button', { name: 'Download web-key.pem' }));
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(await readBlob(blobs[0])).toBe(PRIVATE_KEY);
    // once: no second download, and nothing cached holds the key
    expect(within(created).queryByRole('button', { name: /Download/ })).not.toBeInTheDocument();
    expect(within(created).getByText(/web-key.pem was downloaded/)).toBeInTheDocument();
    const cached = JSON.stringify([
      ...queryClient.getQueryCache().getAll().map((q) => q.state.data),
      ...queryClient.getMutationCache().getAll().map((m) => m.state.data),
    ]);
    expect(cached).not.toContain('PRIVATE KEY');
  });

  it('asks before closing while the private key has not been downloaded', async () => {
    http = mockHttp(
      cloudRoutes({
        [`POST ${keypairsPath}`]: {
          status: 201,
          body: { keypair: { name: 'k', public_key: 'ssh-rsa A', fingerprint: 'f', private_key: PRIVATE_KEY } },
        },
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/key-pairs' });
    await user.click(await screen.findByRole('button', { name: 'Create key pair' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a key pair' });
    await user.type(within(dialog).getByLabelText(/Name/), 'k');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    const created = await screen.findByRole('dialog', { name: 'Key pair k created' });
    await user.click(within(created).getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('dialog', { name: 'Close without the private key?' })).toBeInTheDocument();
  });

  it("shows the cloud's refusal in the form", async () => {
    http = mockHttp(
      cloudRoutes({
        [`POST ${keypairsPath}`]: { status: 409, body: { conflictingRequest: { code: 409, message: "Key pair 'k1' already exists." } } },
      }),
    );
    const user = userEvent.setup();
    renderApp({ route: '/key-pairs' });
    await user.click(await screen.findByRole('button', { name: 'Create key pair' }));
    const dialog = await screen.findByRole('dialog', { name: 'Create a key pair' });
    await user.type(within(dialog).getByLabelText(/Name/), 'k1');
    await user.click(within(dialog).getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(within(dialog).getByRole('alert')).toHaveTextContent("Key pair 'k1' already exists."));
  });
});
