// The server detail page's tabs against the embedded cloud: overview edits, metadata, tags,
// interfaces, volumes, security groups, activity and the password. One server (bob's, in
// project beta) used in order, so parallel specs keep within the project's quota.
import { generateKeyPairSync } from 'node:crypto';
import { expect as baseExpect, test, type Page } from '@playwright/test';
import { logIn } from './support/console-login.ts';
import { CloudSession, uniqueName, type CloudServer } from './support/cloud-servers.ts';
import { freePortsOf } from './support/free-ports.ts';

test.describe.configure({ mode: 'serial', timeout: 150_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

let bob: CloudSession;
let server: CloudServer;
let name: string;
let adminPass: string | undefined;
let keyName: string;
const cleanup: Array<() => Promise<unknown>> = [];

/** An RSA key pair: the private key as PKCS#1 PEM, the public key as `ssh-rsa AAAA...`. */
function rsaKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const mpint = (b64url: string) => {
    const raw = Buffer.from(b64url, 'base64url');
    return raw[0] & 0x80 ? Buffer.concat([Buffer.from([0]), raw]) : raw;
  };
  const field = (data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, data]);
  };
  const blob = Buffer.concat([field(Buffer.from('ssh-rsa')), field(mpint(jwk.e!)), field(mpint(jwk.n!))]);
  return {
    publicSsh: `ssh-rsa ${blob.toString('base64')} e2e@console`,
    privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
  };
}
const keys = rsaKeyPair();

test.beforeAll(async () => {
  bob = await CloudSession.login('bob', 'bob', 'beta');
  keyName = uniqueName('e2e-key');
  await bob.call('POST', '/os-keypairs', { keypair: { name: keyName, public_key: keys.publicSsh } });
  cleanup.push(() => bob.call('DELETE', `/os-keypairs/${keyName}`, undefined, [202, 204, 404]));
  name = uniqueName('e2e-detail');
  const booted = await bob.bootServer({
    name,
    flavorRef: 's3.medium.2',
    imageRef: await bob.imageId('Ubuntu 22.04 server 64bit'),
    keyName,
  });
  server = booted.server;
  adminPass = booted.adminPass;
  cleanup.push(() => bob.deleteServer(server.id));
});

test.afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

async function openTab(page: Page, tab: string) {
  await page.goto(`/servers/${server.id}${tab === 'overview' ? '' : `/${tab}`}`);
  await expect(page.getByRole('heading', { name, level: 1, exact: true })).toBeVisible();
}

test('overview: fields of the microversion, rename in place, description', async ({ page }) => {
  await logIn(page, 'bob', 'bob');
  await openTab(page, 'overview');
  const overview = page.getByRole('tabpanel', { name: 'Overview' });
  await expect(overview.getByText('s3.medium.2', { exact: true })).toBeVisible();
  await expect(overview.getByRole('link', { name: 'Ubuntu 22.04 server 64bit' })).toBeVisible();
  await expect(overview.getByText(keyName, { exact: true })).toBeVisible();
  // the power state in words; the cloud's own value on hover (and read out after the word)
  await overview.getByText('Running (RUNNING (1))', { exact: true }).hover();
  await expect(page.getByRole('tooltip')).toHaveText('The cloud says: RUNNING (1)');

  // rename: the spec's rule checked as one types
  await page.getByRole('button', { name: 'Edit Server name' }).first().click();
  const field = page.getByRole('textbox', { name: 'Server name' });
  await field.fill(' leading-space');
  await expect(page.getByText('No spaces at the start or end')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  const renamed = `${name}-renamed`;
  await field.fill(renamed);
  await page.getByRole('button', { name: 'Save' }).click();
  name = renamed;
  await expect(page.getByRole('heading', { name: renamed, level: 1, exact: true })).toBeVisible();
  expect((await bob.server(server.id))?.name).toBe(renamed);

  await overview.getByRole('button', { name: 'Edit Description' }).click();
  await overview.getByRole('textbox', { name: 'Description' }).fill('Serves the e2e suite');
  await overview.getByRole('button', { name: 'Save' }).click();
  await expect(overview.getByRole('textbox', { name: 'Description' })).toBeHidden();
  await expect(overview.getByText('Serves the e2e suite')).toBeVisible();
  expect((await bob.server(server.id))?.description).toBe('Serves the e2e suite');
});

test('metadata: item set, edit and delete; merge and replace all; limits checked first', async ({ page }) => {
  await logIn(page, 'bob', 'bob');
  await openTab(page, 'metadata');
  const table = page.getByRole('table', { name: 'Metadata' });

  await page.getByRole('button', { name: 'Add item' }).click();
  const add = page.getByRole('dialog', { name: 'Add a metadata item' });
  await add.getByRole('textbox', { name: 'Key' }).fill('bad/key');
  await expect(add.getByText('Key: only letters, digits, spaces and - _ : .')).toBeVisible();
  await expect(add.getByRole('button', { name: 'Set item' })).toBeDisabled();
  await add.getByRole('textbox', { name: 'Key' }).fill('env');
  await add.getByRole('textbox', { name: 'Value' }).fill('prod');
  await add.getByLabel('Show API request and CLI').check();
  await expect(add.getByText(`/v2.1/${bob.projectId}/servers/${server.id}/metadata/env`)).toBeVisible();
  await expect(add.getByText(`openstack server set --property env=prod ${server.id}`)).toBeVisible();
  await add.getByRole('button', { name: 'Set item' }).click();
  await expect(table.getByRole('row', { name: /env\s*prod/ })).toBeVisible();

  await table.getByRole('button', { name: 'Actions for env' }).click();
  await page.getByRole('menuitem', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit metadata item env' });
  await edit.getByRole('textbox', { name: 'Value' }).fill('staging');
  await edit.getByRole('button', { name: 'Set item' }).click();
  await expect(table.getByRole('row', { name: /env\s*staging/ })).toBeVisible();

  // merge: env kept, tier added
  await page.getByRole('button', { name: 'Edit all' }).click();
  await page.getByRole('button', { name: 'Add to Metadata' }).click();
  await page.getByRole('textbox', { name: 'Metadata key 2' }).fill('tier');
  await page.getByRole('textbox', { name: 'Metadata value 2' }).fill('web');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  const merge = page.getByRole('dialog', { name: 'Merge metadata' });
  await merge.getByLabel('Show API request and CLI').check();
  await expect(merge.getByText('POST', { exact: true })).toBeVisible();
  await merge.getByRole('button', { name: 'Merge' }).click();
  await expect(table.getByRole('row', { name: /tier\s*web/ })).toBeVisible();
  expect((await bob.server(server.id))?.metadata).toEqual({ env: 'staging', tier: 'web' });

  // replace all: env removed
  await page.getByRole('button', { name: 'Edit all' }).click();
  await page.getByRole('button', { name: 'Remove Metadata pair 1' }).click();
  await page.getByRole('button', { name: 'Replace all', exact: true }).click();
  const replace = page.getByRole('dialog', { name: 'Replace all metadata' });
  await expect(replace.getByText('items removed: 1')).toBeVisible();
  await replace.getByRole('button', { name: 'Replace all' }).click();
  await expect(table.getByRole('row', { name: /env/ })).toHaveCount(0);
  expect((await bob.server(server.id))?.metadata).toEqual({ tier: 'web' });

  await table.getByRole('button', { name: 'Actions for tier' }).click();
  await page.getByRole('menuitem', { name: 'Delete' }).click();
  await page.getByRole('dialog', { name: 'Delete metadata item tier' }).getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('No metadata.')).toBeVisible();
  expect((await bob.server(server.id))?.metadata).toEqual({});
});

test('tags: rules as one types, add, remove, replace all, remove all', async ({ page }) => {
  await logIn(page, 'bob', 'bob');
  await openTab(page, 'tags');
  const input = page.getByRole('textbox', { name: 'New tag' });
  const add = page.getByRole('button', { name: 'Add tag' });
  for (const [tag, problem] of [
    ['.hidden', 'A tag cannot start with “.”'],
    ['a,b', 'A tag cannot contain “/” or “,”'],
    ['x'.repeat(61), 'A tag has at most 60 characters'],
  ]) {
    await input.fill(tag);
    await expect(page.getByText(problem)).toBeVisible();
    await expect(add).toBeDisabled();
  }
  const tags = page.getByRole('list', { name: 'Tags' });
  for (const tag of ['web', 'prod']) {
    await input.fill(tag);
    await add.click();
    await expect(tags.getByText(tag, { exact: true })).toBeVisible();
  }
  await input.fill('web');
  await expect(page.getByText('The server already has this tag')).toBeVisible();
  await page.getByRole('button', { name: 'Remove tag web' }).click();
  await expect(tags.getByText('web', { exact: true })).toBeHidden();
  expect((await bob.call<{ tags: string[] }>('GET', `/servers/${server.id}/tags`)).tags).toEqual(['prod']);

  await page.getByRole('button', { name: 'Replace all' }).click();
  const draft = page.getByRole('combobox', { name: 'Tags' });
  await draft.fill('blue');
  await draft.press('Enter');
  await draft.fill('green');
  await draft.press('Enter');
  await page.getByRole('button', { name: 'Replace tags' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace all tags' });
  await dialog.getByLabel('Show API request and CLI').check();
  await expect(dialog.getByText('"prod"')).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace tags' }).click();
  await expect(tags.getByText('green', { exact: true })).toBeVisible();
  expect((await bob.call<{ tags: string[] }>('GET', `/servers/${server.id}/tags`)).tags.sort()).toEqual(['blue', 'green', 'prod']);

  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.getByRole('dialog', { name: 'Remove all tags' }).getByRole('button', { name: 'Remove all' }).click();
  await expect(page.getByText('No tags.')).toBeVisible();
  expect((await bob.call<{ tags: string[] }>('GET', `/servers/${server.id}/tags`)).tags).toEqual([]);
});

test('tags explain themselves when the endpoint stops below microversion 2.26', async ({ page }) => {
  // an endpoint whose v2.1 API goes up to 2.25 only (its version documents come with the session)
  await page.route(
    (url) => ['/api/compute/', '/api/compute/v2.1/', '/auth/login', '/auth/session'].includes(url.pathname),
    async (route) => {
      const response = await route.fetch();
      const text = (await response.text()).replace(/"version":\s*"2\.\d+"/g, '"version": "2.25"');
      await route.fulfill({ response, body: text });
    },
  );
  await logIn(page, 'bob', 'bob');
  await openTab(page, 'tags');
  await expect(page.getByText('Server tags and tag filters is not available on this endpoint')).toBeVisible();
  await expect(page.getByText(/needs compute API microversion 2\.26; this endpoint and the console agree on 2\.25/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'New tag' })).toHaveCount(0);
});

test('interfaces: fixed IP checked against the subnet, attach, primary NIC rule, detach', async ({ page }) => {
  // a cloud that publishes its subnets (os-networks with a CIDR), as nova-network does
  await page.route(
    (url) => url.pathname.endsWith('/os-networks'),
    async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { networks: Array<Record<string, unknown>> };
      for (const network of body.networks) Object.assign(network, { cidr: '192.168.20.0/24', gateway: '192.168.20.1' });
      await route.fulfill({ response, json: body });
    },
  );
  const attachRequests: string[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith('/os-interface')) attachRequests.push(request.url());
  });
  await logIn(page, 'bob', 'bob');
  await openTab(page, 'network');
  const table = page.getByRole('table', { name: 'Interfaces' });
  await expect(table.getByRole('row')).toHaveCount(2);

  await page.getByRole('button', { name: 'Attach interface' }).click();
  const dialog = page.getByRole('dialog', { name: `Attach an interface to ${name}` });
  await dialog.getByRole('combobox', { name: 'Network' }).click();
  await page.getByRole('option', { name: /^subnet-beta/ }).click();
  const ip = dialog.getByRole('textbox', { name: 'Fixed IP (optional)' });
  const submit = dialog.getByRole('button', { name: 'Attach' });
  await ip.fill('192.168.20');
  await expect(dialog.getByText('Enter an IPv4 address like 192.168.0.10')).toBeVisible();
  await expect(submit).toBeDisabled();
  await ip.fill('192.168.30.5');
  await expect(dialog.getByText('Not in the subnet 192.168.20.0/24')).toBeVisible();
  await expect(submit).toBeDisabled();
  await ip.fill('192.168.20.255');
  await expect(dialog.getByText('The network or broadcast address of 192.168.20.0/24 cannot be used')).toBeVisible();
  expect(attachRequests).toEqual([]);

  const fixed = `192.168.20.${200 + Math.floor(Math.random() * 50)}`;
  await ip.fill(fixed);
  await dialog.getByLabel('Show API request and CLI').check();
  await expect(dialog.getByText(`"ip_address": "${fixed}"`)).toBeVisible();
  await submit.click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByText(fixed)).toBeVisible();
  expect(attachRequests).toHaveLength(1);
  await expect(page.getByRole('table', { name: 'Addresses on subnet-beta' }).getByText(fixed)).toBeVisible();

  // the primary NIC (first row) stays while another interface is attached
  const [primary, added] = await bob
    .call<{ interfaceAttachments: { port_id: string; fixed_ips: { ip_address: string }[] }[] }>('GET', `/servers/${server.id}/os-interface`)
    .then((body) => [body.interfaceAttachments[0], body.interfaceAttachments.find((i) => i.fixed_ips[0]?.ip_address === fixed)!]);
  await table.getByRole('button', { name: `Actions for ${primary.port_id}` }).click();
  await expect(page.getByRole('menuitem', { name: 'Detach' })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: 'Detach' })).toHaveAttribute('title', 'Detach the other interfaces first: this is the primary NIC');
  await page.keyboard.press('Escape');

  await table.getByRole('button', { name: `Actions for ${added.port_id}` }).click();
  await page.getByRole('menuitem', { name: 'Detach' }).click();
  const detach = page.getByRole('dialog', { name: 'Detach interface' });
  await detach.getByRole('button', { name: 'Detach' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByText(fixed)).toBeHidden();
});

let freePort: { id: string; ip: string } | undefined;

test('interfaces: a free port of the project attached by its id is listed with its address', async ({ page }) => {
  // the seed gives project beta a port no server holds
  const [port] = freePortsOf(bob.projectId);
  expect(port, 'a free port in project beta').toBeTruthy();
  freePort = { id: port.id, ip: port.fixed_ips[0].ip_address };

  await logIn(page, 'bob', 'bob');
  await openTab(page, 'network');
  const table = page.getByRole('table', { name: 'Interfaces' });
  await expect(table.getByRole('row')).toHaveCount(2);

  await page.getByRole('button', { name: 'Attach interface' }).click();
  const dialog = page.getByRole('dialog', { name: `Attach an interface to ${name}` });
  await dialog.getByText('Existing port', { exact: true }).click();
  const field = dialog.getByRole('textbox', { name: 'Port ID' });
  const submit = dialog.getByRole('button', { name: 'Attach' });
  await field.fill(port.id.slice(0, 20));
  await expect(dialog.getByText('Enter a UUID')).toBeVisible();
  await expect(submit).toBeDisabled();
  await field.fill(port.id);
  await dialog.getByLabel('Show API request and CLI').check();
  await expect(dialog.getByText(`"port_id": "${port.id}"`)).toBeVisible();
  await submit.click();
  await expect(dialog).toBeHidden();

  // listed with the port's own address, and the cloud agrees
  await expect(table.getByRole('row')).toHaveCount(3);
  const row = table.getByRole('row').filter({ hasText: port.id });
  await expect(row.getByText(freePort.ip, { exact: true })).toBeVisible();
  await expect(row.getByText('ACTIVE', { exact: true })).toBeVisible();
  const attached = await bob.call<{ interfaceAttachments: { port_id: string }[] }>('GET', `/servers/${server.id}/os-interface`);
  expect(attached.interfaceAttachments.map((i) => i.port_id)).toContain(port.id);
  expect(freePortsOf(bob.projectId).map((p) => p.id)).not.toContain(port.id);
});

test('interfaces: the port attached by id comes after the primary NIC, detaches, and stays free to attach again', async ({ page }) => {
  expect(freePort, 'the previous test attached a free port').toBeTruthy();
  const port = freePort!;
  const order = await bob.call<{ interfaceAttachments: { port_id: string }[] }>('GET', `/servers/${server.id}/os-interface`);
  expect(order.interfaceAttachments.map((i) => i.port_id).at(-1), 'the port attached last lists last').toBe(port.id);

  await logIn(page, 'bob', 'bob');
  await openTab(page, 'network');
  const table = page.getByRole('table', { name: 'Interfaces' });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').filter({ hasText: port.id }).getByText('Primary')).toHaveCount(0);
  await table.getByRole('button', { name: `Actions for ${port.id}` }).click();
  await page.getByRole('menuitem', { name: 'Detach' }).click();
  await page.getByRole('dialog', { name: 'Detach interface' }).getByRole('button', { name: 'Detach' }).click();
  await expect(table.getByRole('row')).toHaveCount(2);
  await expect(table.getByText(port.id)).toBeHidden();
  // a port the user brought is unbound, not deleted: free to attach again
  expect(freePortsOf(bob.projectId).map((p) => p.id)).toContain(port.id);
});

test('volumes: attach an available volume of the same zone, then detach it', async ({ page }) => {
  const zone = String(server['OS-EXT-AZ:availability_zone']);
  const volumeName = uniqueName('e2e-vol');
  const { volume } = await bob.call<{ volume: { id: string } }>('POST', '/os-volumes', {
    volume: { size: 1, availability_zone: zone, display_name: volumeName },
  });
  cleanup.push(() => bob.call('DELETE', `/os-volumes/${volume.id}`, undefined, [202, 204, 404]));

  await logIn(page, 'bob', 'bob');
  await openTab(page, 'volumes');
  await expect(page.getByText('No volumes are attached.')).toBeVisible();
  await page.getByRole('button', { name: 'Attach volume' }).click();
  const dialog = page.getByRole('dialog', { name: `Attach a volume to ${name}` });
  await expect(dialog.getByText(`(${zone})`)).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Volume' }).fill(volumeName);
  await page.getByRole('option', { name: new RegExp(`^${volumeName}`) }).click();
  await dialog.getByRole('textbox', { name: 'Device' }).fill('vdb');
  await expect(dialog.getByText('A device name like /dev/vdb')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Device' }).fill('');
  await dialog.getByLabel('Show API request and CLI').check();
  await expect(dialog.getByText(`"volumeId": "${volume.id}"`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Attach' }).click();

  const table = page.getByRole('table', { name: 'Attached volumes' });
  await expect(table.getByText(volumeName)).toBeVisible();
  await expect(table.getByText('/dev/vdb')).toBeVisible();
  await expect(table.getByText('In use')).toBeVisible();

  await table.getByRole('button', { name: `Actions for ${volumeName}` }).click();
  await page.getByRole('menuitem', { name: 'Detach' }).click();
  const detach = page.getByRole('dialog', { name: `Detach volume ${volumeName}?` });
  await expect(detach).toContainText(`will be detached from ${name}`);
  await detach.getByRole('button', { name: 'Detach' }).click();
  await expect(page.getByText('No volumes are attached.')).toBeVisible();
  const after = await bob.call<{ volume: { status: string } }>('GET', `/os-volumes/${volume.id}`);
  expect(after.volume.status).toBe('available');
});

test('security groups with their rules; activity with request ids; events for admins', async ({ page }) => {
  await logIn(page, 'bob', 'bob');
  await openTab(page, 'security-groups');
  await expect(page.getByText('default', { exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rules of default' })).toBeVisible();

  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page).toHaveURL(new RegExp(`/servers/${server.id}/activity$`));
  const timeline = page.getByLabel('Activity', { exact: true });
  await expect(timeline.getByText('Create', { exact: true })).toBeVisible();
  // bob made the server: named, not a user id
  await expect(timeline.getByText('by you (bob)').first()).toBeVisible();
  await expect(timeline.getByText('Attach interface', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('The events of each action are visible to admins only.')).toBeVisible();
  await expect(page.getByRole('button', { name: /^Show events/ })).toHaveCount(0);

  // an admin reads the events of the same server
  await page.context().clearCookies();
  await logIn(page, 'admin', 'admin');
  await page.goto(`/servers/${server.id}/activity`);
  await expect(page.getByLabel('Activity', { exact: true }).getByText(/^· by user [0-9a-f]{8}…$/).first()).toBeVisible();
  await page.getByRole('button', { name: /^Show events/ }).last().click();
  await expect(page.getByText('compute_build_and_run_instance')).toBeVisible();
  await expect(page.getByText('Success').first()).toBeVisible();
});

test('password: decrypted in the browser with the pasted private key, then cleared', async ({ page }) => {
  // the key never leaves the page: no request carries it
  const leaks: string[] = [];
  page.on('request', (request) => {
    if ((request.postData() ?? '').includes('PRIVATE KEY')) leaks.push(request.url());
  });
  await logIn(page, 'bob', 'bob');
  await openTab(page, 'password');
  const encrypted = page.getByLabel('Encrypted password');
  await expect(encrypted).toBeVisible();
  expect(adminPass).toBeTruthy();

  await page.getByRole('textbox', { name: 'Private key (PEM)' }).fill('not a key');
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByRole('alert')).toContainText('This is not a PEM private key');

  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  await page.getByRole('textbox', { name: 'Private key (PEM)' }).fill(other);
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByRole('alert')).toContainText('it is not the private key of the server');

  await page.getByRole('textbox', { name: 'Private key (PEM)' }).fill(keys.privatePem);
  await page.getByRole('button', { name: 'Decrypt' }).click();
  await expect(page.getByRole('textbox', { name: 'Decrypted password' })).toHaveValue(adminPass!);
  expect(leaks).toEqual([]);

  // the ciphertext on screen is what the cloud holds, and decrypts to the same with node
  const shown = (await encrypted.textContent())!.trim();
  expect(shown).toBe((await bob.call<{ password: string }>('GET', `/servers/${server.id}/os-server-password`)).password);

  await page.getByRole('button', { name: 'Clear' }).click();
  const dialog = page.getByRole('dialog', { name: 'Clear the password record' });
  await dialog.getByLabel('Show API request and CLI').check();
  await expect(dialog.getByText(`openstack server set --no-password ${server.id}`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByText('No password: the guest has not posted one, or it was cleared.')).toBeVisible();
  expect((await bob.call<{ password: string }>('GET', `/servers/${server.id}/os-server-password`)).password).toBe('');
});

test('console output: follow shows new output without a manual fetch while the server runs, and stops when it does not', async ({ page }) => {
  test.setTimeout(180_000);
  // Get Console Output is a server action: count the ones the page sends
  const fetches: number[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().endsWith(`/servers/${server.id}/action`) && (request.postData() ?? '').includes('os-getConsoleOutput')) {
      fetches.push(Date.now());
    }
  });
  const fetchesIn = async (ms: number) => {
    const before = fetches.length;
    await page.waitForTimeout(ms);
    return fetches.length - before;
  };

  await logIn(page, 'bob', 'bob');
  await openTab(page, 'console');
  const log = page.getByRole('log', { name: 'Console output' });
  await expect(log).toContainText('login:');
  const follow = page.getByRole('switch', { name: 'Follow' });

  // without follow the output is fetched once
  expect(await fetchesIn(7_000)).toBe(0);

  // follow: the guest writes a line each minute of uptime, and it shows up by itself
  const before = (await log.innerText()).trim().split('\n');
  await follow.check();
  await expect(page.getByText('Following: refreshed every 3 s while the server runs.')).toBeVisible();
  await expect
    .poll(
      async () => {
        const lines = (await log.innerText()).trim().split('\n');
        return lines.filter((line) => /CRON\[|apt-daily/.test(line) && !before.includes(line)).length;
      },
      { timeout: 80_000, intervals: [1_000] },
    )
    .toBeGreaterThan(0);
  expect(await fetchesIn(7_000)).toBeGreaterThanOrEqual(2);

  // stopped: follow turns itself off and nothing more is fetched
  await page.getByRole('button', { name: 'Actions', exact: true }).click();
  await page.getByRole('menuitem', { name: /^Stop/ }).click();
  const stop = page.getByRole('dialog', { name: `Stop ${name}` });
  await stop.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(stop).toBeHidden();
  await expect(page.getByRole('status', { name: 'Status' })).toHaveText(/Stopped/, { timeout: 30_000 });
  await expect(follow).not.toBeChecked();
  await expect(follow).toBeDisabled();
  await page.waitForTimeout(1_000);
  expect(await fetchesIn(7_000)).toBe(0);
});
