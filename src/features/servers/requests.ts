import { encodePath } from '../../lib/compute';
import type { ServerOperation } from './lifecycle';
import type { CreateServerBody } from './schemas';

/**
 * Every write to a server as one value: what it sends (method, path, body) and its `openstack`
 * CLI equivalent, one definition per write. api.ts's sendServerRequest is the one way they go
 * out, and a dialog previews (describeServerRequest) the same value it then sends, so the
 * preview is exactly the request. Show Console Output (5.7) is a POST and lives here too.
 */
export interface ServerRequest {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Path after `/{project_id}`, percent-encoded. */
  path: string;
  body?: unknown;
  /** The CLI equivalent, when there is one. */
  cli?: string;
}

/** A word for a POSIX shell: bare when safe, else single-quoted. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_\-.,:/=@%+]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function cli(...words: Array<string | false | undefined | null>): string {
  return words.filter((word): word is string => typeof word === 'string' && word !== '').join(' ');
}

/** `--os-compute-api-version X` when an operation needs a microversion above the CLI's default. */
const apiVersion = (version: string) => `--os-compute-api-version ${version}`;

const properties = (metadata: Record<string, string> | undefined) =>
  Object.entries(metadata ?? {}).map(([key, value]) => `--property ${shellQuote(`${key}=${value}`)}`);

const action = (id: string, body: Record<string, unknown>, command: string): ServerRequest => ({
  method: 'post',
  path: encodePath`/servers/${id}/action`,
  body,
  cli: command,
});

export interface RebuildInput {
  imageRef: string;
  name?: string;
  metadata?: Record<string, string>;
  adminPass?: string;
}

export interface CreateImageInput {
  name: string;
  metadata?: Record<string, string>;
}

export type AttachInterfaceInput = { netId: string; fixedIp?: string } | { portId: string };

/** The requests of spec chapters 4–5, 10, 12, 13, 17 and 23 that the console sends. */
export const serverRequests = {
  // chapter 5
  reboot: (id: string, type: 'SOFT' | 'HARD') =>
    action(id, { reboot: { type } }, cli('openstack server reboot', type === 'HARD' ? '--hard' : '--soft', id)),
  /** 5.8: `null` is the soft stop Nova and the CLI send; the spec's `{type: HARD}` forces it. */
  stop: (id: string, type?: 'HARD') =>
    action(id, { 'os-stop': type ? { type } : null }, cli('openstack server stop', id)),
  start: (id: string) => action(id, { 'os-start': null }, cli('openstack server start', id)),
  lock: (id: string) => action(id, { lock: null }, cli('openstack server lock', id)),
  unlock: (id: string) => action(id, { unlock: null }, cli('openstack server unlock', id)),
  resize: (id: string, flavorRef: string) =>
    action(id, { resize: { flavorRef } }, cli('openstack server resize --flavor', shellQuote(flavorRef), id)),
  confirmResize: (id: string) => action(id, { confirmResize: null }, cli('openstack server resize confirm', id)),
  revertResize: (id: string) => action(id, { revertResize: null }, cli('openstack server resize revert', id)),
  rebuild: (id: string, input: RebuildInput) => {
    const rebuild: Record<string, unknown> = { imageRef: input.imageRef };
    if (input.name) rebuild.name = input.name;
    if (input.metadata && Object.keys(input.metadata).length) rebuild.metadata = input.metadata;
    if (input.adminPass) rebuild.adminPass = input.adminPass;
    return action(
      id,
      { rebuild },
      cli(
        'openstack server rebuild --image',
        shellQuote(input.imageRef),
        input.name && `--name ${shellQuote(input.name)}`,
        ...(rebuild.metadata ? properties(input.metadata) : []),
        input.adminPass && `--password ${shellQuote(input.adminPass)}`,
        id,
      ),
    );
  },
  createImage: (id: string, input: CreateImageInput) => {
    const createImage: Record<string, unknown> = { name: input.name };
    if (input.metadata && Object.keys(input.metadata).length) createImage.metadata = input.metadata;
    return action(
      id,
      { createImage },
      cli('openstack server image create --name', shellQuote(input.name), ...(createImage.metadata ? properties(input.metadata) : []), id),
    );
  },
  consoleOutput: (id: string, length?: number): ServerRequest =>
    action(
      id,
      { 'os-getConsoleOutput': length === undefined ? {} : { length } },
      cli('openstack console log show', length !== undefined && `--lines ${length}`, id),
    ),

  // chapter 4
  /** Create Server (4.2): the body and CLI the wizard builds from its values (request-builders.ts). */
  create: (body: CreateServerBody, cli?: string): ServerRequest => ({ method: 'post', path: '/servers', body, cli }),
  rename: (id: string, name: string): ServerRequest => ({
    method: 'put',
    path: encodePath`/servers/${id}`,
    body: { server: { name } },
    cli: cli('openstack server set --name', shellQuote(name), id),
  }),
  /** From 2.19; `null` clears it (the CLI cannot send null, so it sends an empty one). */
  describe: (id: string, description: string | null): ServerRequest => ({
    method: 'put',
    path: encodePath`/servers/${id}`,
    body: { server: { description } },
    cli: cli('openstack', apiVersion('2.19'), 'server set --description', shellQuote(description ?? ''), id),
  }),
  delete: (id: string): ServerRequest => ({
    method: 'delete',
    path: encodePath`/servers/${id}`,
    cli: cli('openstack server delete', id),
  }),

  // chapter 10
  /** 10.2: replaces every item (no CLI equivalent: `server set --property` merges). */
  replaceMetadata: (id: string, metadata: Record<string, string>): ServerRequest => ({
    method: 'put',
    path: encodePath`/servers/${id}/metadata`,
    body: { metadata },
  }),
  /** 10.3: merges into the existing items. */
  mergeMetadata: (id: string, metadata: Record<string, string>): ServerRequest => ({
    method: 'post',
    path: encodePath`/servers/${id}/metadata`,
    body: { metadata },
    cli: cli('openstack server set', ...properties(metadata), id),
  }),
  setMetadataItem: (id: string, key: string, value: string): ServerRequest => ({
    method: 'put',
    path: encodePath`/servers/${id}/metadata/${key}`,
    body: { meta: { [key]: value } },
    cli: cli('openstack server set', ...properties({ [key]: value }), id),
  }),
  deleteMetadataItem: (id: string, key: string): ServerRequest => ({
    method: 'delete',
    path: encodePath`/servers/${id}/metadata/${key}`,
    cli: cli('openstack server unset --property', shellQuote(key), id),
  }),

  // chapter 23 (2.26)
  replaceTags: (id: string, tags: string[]): ServerRequest => ({
    method: 'put',
    path: encodePath`/servers/${id}/tags`,
    body: { tags },
    cli: tags.length
      ? cli('nova', apiVersion('2.26'), 'server-tag-set', id, ...tags.map(shellQuote))
      : cli('nova', apiVersion('2.26'), 'server-tag-delete-all', id),
  }),
  addTag: (id: string, tag: string): ServerRequest => ({
    method: 'put',
    path: encodePath`/servers/${id}/tags/${tag}`,
    cli: cli('openstack', apiVersion('2.26'), 'server set --tag', shellQuote(tag), id),
  }),
  deleteTag: (id: string, tag: string): ServerRequest => ({
    method: 'delete',
    path: encodePath`/servers/${id}/tags/${tag}`,
    cli: cli('openstack', apiVersion('2.26'), 'server unset --tag', shellQuote(tag), id),
  }),
  deleteAllTags: (id: string): ServerRequest => ({
    method: 'delete',
    path: encodePath`/servers/${id}/tags`,
    cli: cli('nova', apiVersion('2.26'), 'server-tag-delete-all', id),
  }),

  // chapter 13
  attachInterface: (id: string, input: AttachInterfaceInput): ServerRequest => {
    if ('portId' in input) {
      return {
        method: 'post',
        path: encodePath`/servers/${id}/os-interface`,
        body: { interfaceAttachment: { port_id: input.portId } },
        cli: cli('openstack server add port', id, input.portId),
      };
    }
    const attachment: Record<string, unknown> = { net_id: input.netId };
    if (input.fixedIp) attachment.fixed_ips = [{ ip_address: input.fixedIp }];
    return {
      method: 'post',
      path: encodePath`/servers/${id}/os-interface`,
      body: { interfaceAttachment: attachment },
      cli: input.fixedIp
        ? cli('openstack server add fixed ip --fixed-ip-address', input.fixedIp, id, input.netId)
        : cli('openstack server add network', id, input.netId),
    };
  },
  detachInterface: (id: string, portId: string): ServerRequest => ({
    method: 'delete',
    path: encodePath`/servers/${id}/os-interface/${portId}`,
    cli: cli('openstack server remove port', id, portId),
  }),

  // chapter 12
  attachVolume: (id: string, volumeId: string, device?: string): ServerRequest => ({
    method: 'post',
    path: encodePath`/servers/${id}/os-volume_attachments`,
    body: { volumeAttachment: device ? { volumeId, device } : { volumeId } },
    cli: cli('openstack server add volume', device && `--device ${shellQuote(device)}`, id, volumeId),
  }),
  detachVolume: (id: string, volumeId: string): ServerRequest => ({
    method: 'delete',
    path: encodePath`/servers/${id}/os-volume_attachments/${volumeId}`,
    cli: cli('openstack server remove volume', id, volumeId),
  }),

  // chapter 17
  clearPassword: (id: string): ServerRequest => ({
    method: 'delete',
    path: encodePath`/servers/${id}/os-server-password`,
    cli: cli('openstack server set --no-password', id),
  }),
};

/** The operations a bulk action, a row's menu or the command palette runs on a server. */
export type QuickOperation = Extract<
  ServerOperation,
  'start' | 'stop' | 'reboot-soft' | 'reboot-hard' | 'lock' | 'unlock' | 'delete' | 'tags'
>;

/** The request of a quick operation; `tags` adds the tag given in `tag`. */
export function quickRequest(id: string, operation: QuickOperation, tag = ''): ServerRequest {
  switch (operation) {
    case 'start':
      return serverRequests.start(id);
    case 'stop':
      return serverRequests.stop(id);
    case 'reboot-soft':
      return serverRequests.reboot(id, 'SOFT');
    case 'reboot-hard':
      return serverRequests.reboot(id, 'HARD');
    case 'lock':
      return serverRequests.lock(id);
    case 'unlock':
      return serverRequests.unlock(id);
    case 'delete':
      return serverRequests.delete(id);
    case 'tags':
      return serverRequests.addTag(id, tag);
  }
}
