import { describe, expect, it } from 'vitest';
import type { ComputeTarget } from '../../lib/compute';
import { describeServerRequest } from './api';
import { quickRequest, serverRequests, shellQuote } from './requests';

const ID = '9a7c1f0e-1111-4222-8333-944455556666';
const target: ComputeTarget = { projectId: 'p-alpha', microversion: '2.26', legacyAvailable: true };

describe('request previews: exactly what is sent, and the CLI equivalent', () => {
  it('chapter 5 actions have Nova\'s bodies', () => {
    expect(serverRequests.reboot(ID, 'HARD')).toEqual({
      method: 'post',
      path: `/servers/${ID}/action`,
      body: { reboot: { type: 'HARD' } },
      cli: `openstack server reboot --hard ${ID}`,
    });
    expect(serverRequests.stop(ID).body).toEqual({ 'os-stop': null });
    expect(serverRequests.stop(ID, 'HARD').body).toEqual({ 'os-stop': { type: 'HARD' } });
    expect(serverRequests.start(ID).body).toEqual({ 'os-start': null });
    expect(serverRequests.lock(ID).body).toEqual({ lock: null });
    expect(serverRequests.unlock(ID).cli).toBe(`openstack server unlock ${ID}`);
    expect(serverRequests.resize(ID, '3')).toMatchObject({ body: { resize: { flavorRef: '3' } }, cli: `openstack server resize --flavor 3 ${ID}` });
    expect(serverRequests.confirmResize(ID)).toMatchObject({ body: { confirmResize: null }, cli: `openstack server resize confirm ${ID}` });
    expect(serverRequests.revertResize(ID)).toMatchObject({ body: { revertResize: null }, cli: `openstack server resize revert ${ID}` });
    expect(serverRequests.consoleOutput(ID, 50)).toMatchObject({ body: { 'os-getConsoleOutput': { length: 50 } }, cli: `openstack console log show --lines 50 ${ID}` });
    expect(serverRequests.consoleOutput(ID).body).toEqual({ 'os-getConsoleOutput': {} });
  });

  it('rebuild and create image leave out what was not given, and quote for the shell', () => {
    expect(serverRequests.rebuild(ID, { imageRef: 'img-1', name: '', metadata: {}, adminPass: '' })).toEqual({
      method: 'post',
      path: `/servers/${ID}/action`,
      body: { rebuild: { imageRef: 'img-1' } },
      cli: `openstack server rebuild --image img-1 ${ID}`,
    });
    const full = serverRequests.rebuild(ID, { imageRef: 'img-1', name: "bob's box", metadata: { role: 'web server' }, adminPass: 'p@ss' });
    expect(full.body).toEqual({ rebuild: { imageRef: 'img-1', name: "bob's box", metadata: { role: 'web server' }, adminPass: 'p@ss' } });
    expect(full.cli).toBe(`openstack server rebuild --image img-1 --name 'bob'\\''s box' --property 'role=web server' --password p@ss ${ID}`);
    expect(serverRequests.createImage(ID, { name: 'snap 1', metadata: { a: 'b' } })).toMatchObject({
      body: { createImage: { name: 'snap 1', metadata: { a: 'b' } } },
      cli: `openstack server image create --name 'snap 1' --property a=b ${ID}`,
    });
    expect(serverRequests.createImage(ID, { name: 'snap', metadata: {} }).body).toEqual({ createImage: { name: 'snap' } });
  });

  it('server, metadata, tag, interface, volume and password routes', () => {
    expect(serverRequests.rename(ID, 'web 2')).toEqual({ method: 'put', path: `/servers/${ID}`, body: { server: { name: 'web 2' } }, cli: `openstack server set --name 'web 2' ${ID}` });
    expect(serverRequests.describe(ID, null).body).toEqual({ server: { description: null } });
    expect(serverRequests.describe(ID, 'x').cli).toBe(`openstack --os-compute-api-version 2.19 server set --description x ${ID}`);
    expect(serverRequests.delete(ID)).toEqual({ method: 'delete', path: `/servers/${ID}`, cli: `openstack server delete ${ID}` });
    expect(serverRequests.replaceMetadata(ID, { a: '1' })).toEqual({ method: 'put', path: `/servers/${ID}/metadata`, body: { metadata: { a: '1' } } });
    expect(serverRequests.mergeMetadata(ID, { a: '1' })).toMatchObject({ method: 'post', body: { metadata: { a: '1' } }, cli: `openstack server set --property a=1 ${ID}` });
    expect(serverRequests.setMetadataItem(ID, 'my key', 'v')).toMatchObject({ method: 'put', path: `/servers/${ID}/metadata/my%20key`, body: { meta: { 'my key': 'v' } } });
    expect(serverRequests.deleteMetadataItem(ID, 'k')).toMatchObject({ method: 'delete', path: `/servers/${ID}/metadata/k`, cli: `openstack server unset --property k ${ID}` });
    expect(serverRequests.addTag(ID, 'a b')).toMatchObject({ method: 'put', path: `/servers/${ID}/tags/a%20b`, cli: `openstack --os-compute-api-version 2.26 server set --tag 'a b' ${ID}` });
    expect(serverRequests.deleteTag(ID, 'x')).toMatchObject({ method: 'delete', path: `/servers/${ID}/tags/x` });
    expect(serverRequests.replaceTags(ID, ['a', 'b'])).toMatchObject({ method: 'put', path: `/servers/${ID}/tags`, body: { tags: ['a', 'b'] } });
    expect(serverRequests.deleteAllTags(ID)).toMatchObject({ method: 'delete', path: `/servers/${ID}/tags` });
    expect(serverRequests.attachInterface(ID, { netId: 'n1', fixedIp: '10.0.0.5' })).toEqual({
      method: 'post',
      path: `/servers/${ID}/os-interface`,
      body: { interfaceAttachment: { net_id: 'n1', fixed_ips: [{ ip_address: '10.0.0.5' }] } },
      cli: `openstack server add fixed ip --fixed-ip-address 10.0.0.5 ${ID} n1`,
    });
    expect(serverRequests.attachInterface(ID, { netId: 'n1' }).body).toEqual({ interfaceAttachment: { net_id: 'n1' } });
    expect(serverRequests.attachInterface(ID, { portId: 'p1' })).toMatchObject({ body: { interfaceAttachment: { port_id: 'p1' } }, cli: `openstack server add port ${ID} p1` });
    expect(serverRequests.detachInterface(ID, 'p1')).toMatchObject({ method: 'delete', path: `/servers/${ID}/os-interface/p1` });
    expect(serverRequests.attachVolume(ID, 'v1')).toMatchObject({ body: { volumeAttachment: { volumeId: 'v1' } }, cli: `openstack server add volume ${ID} v1` });
    expect(serverRequests.attachVolume(ID, 'v1', '/dev/vdc')).toMatchObject({
      body: { volumeAttachment: { volumeId: 'v1', device: '/dev/vdc' } },
      cli: `openstack server add volume --device /dev/vdc ${ID} v1`,
    });
    expect(serverRequests.detachVolume(ID, 'v1')).toMatchObject({ method: 'delete', path: `/servers/${ID}/os-volume_attachments/v1` });
    expect(serverRequests.clearPassword(ID)).toMatchObject({ method: 'delete', path: `/servers/${ID}/os-server-password`, cli: `openstack server set --no-password ${ID}` });
  });

  it('describes the path as the cloud sees it, with the microversion header', () => {
    expect(describeServerRequest(target, serverRequests.lock(ID))).toEqual({
      method: 'POST',
      path: `/v2.1/p-alpha/servers/${ID}/action`,
      body: { lock: null },
      headers: { 'X-OpenStack-Nova-API-Version': '2.26', 'OpenStack-API-Version': 'compute 2.26' },
      cli: `openstack server lock ${ID}`,
    });
    const legacy = describeServerRequest({ ...target, microversion: null }, serverRequests.delete(ID));
    expect(legacy).toMatchObject({ method: 'DELETE', path: `/v2/p-alpha/servers/${ID}`, headers: undefined });
    expect(describeServerRequest(target, serverRequests.create({ server: { name: 'web', flavorRef: '1' } }, 'openstack server create web'))).toEqual({
      method: 'POST',
      path: '/v2.1/p-alpha/servers',
      body: { server: { name: 'web', flavorRef: '1' } },
      headers: { 'X-OpenStack-Nova-API-Version': '2.26', 'OpenStack-API-Version': 'compute 2.26' },
      cli: 'openstack server create web',
    });
  });

  it('quick operations (list, bulk, palette) send the same definitions as the detail page', () => {
    expect(quickRequest(ID, 'start')).toEqual(serverRequests.start(ID));
    expect(quickRequest(ID, 'stop')).toEqual(serverRequests.stop(ID));
    expect(quickRequest(ID, 'stop').body).toEqual({ 'os-stop': null });
    expect(quickRequest(ID, 'reboot-soft')).toEqual(serverRequests.reboot(ID, 'SOFT'));
    expect(quickRequest(ID, 'reboot-hard')).toEqual(serverRequests.reboot(ID, 'HARD'));
    expect(quickRequest(ID, 'lock')).toEqual(serverRequests.lock(ID));
    expect(quickRequest(ID, 'unlock')).toEqual(serverRequests.unlock(ID));
    expect(quickRequest(ID, 'delete')).toEqual(serverRequests.delete(ID));
    expect(quickRequest(ID, 'tags', 'a b')).toEqual(serverRequests.addTag(ID, 'a b'));
  });

  it('quotes shell words only when needed', () => {
    expect(shellQuote('web-1')).toBe('web-1');
    expect(shellQuote('a b')).toBe("'a b'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('$(rm -rf)')).toBe("'$(rm -rf)'");
  });
});
