import { list, envelope as response, params, str } from './common.ts';
import { DEVICE_NAME, envelope, invalidInput, nullableString, uuid } from './parameter-types.ts';

// Chapter 12 (volume attachments) and 13 (interfaces): what hangs off a server.

const interfaceView = {
  type: 'object',
  properties: {
    port_state: str,
    fixed_ips: { type: 'array', items: { type: 'object', properties: { subnet_id: str, ip_address: str }, required: ['subnet_id', 'ip_address'] } },
    port_id: str,
    net_id: str,
    mac_addr: str,
  },
  required: ['port_state', 'fixed_ips', 'port_id', 'net_id', 'mac_addr'],
};

/** An absent or null body, or interfaceAttachment, means "the project's only network". */
const interfaceCreate = {
  type: ['object', 'null'],
  properties: {
    interfaceAttachment: {
      type: ['object', 'null'],
      properties: {
        net_id: uuid,
        port_id: uuid,
        fixed_ips: {
          type: 'array',
          maxItems: 1,
          items: { type: 'object', properties: { ip_address: { type: 'string', format: 'ipv4' } }, additionalProperties: false },
        },
      },
      additionalProperties: false,
      errorMessage: { type: invalidInput("{repr} is not of type 'object'") },
    },
  },
  additionalProperties: false,
  errorMessage: {
    type: invalidInput("{repr} is not of type 'object'").replace('{field}', 'interfaceAttachment'),
    additionalProperties: invalidInput('{message}').replace('{field}', 'interfaceAttachment'),
  },
};

export const interfaceSchemas = {
  list: { params: params('server_id'), response: { 200: list('interfaceAttachments', interfaceView) } },
  show: { params: params('server_id', 'port_id'), response: { 200: response('interfaceAttachment', interfaceView) } },
  create: { params: params('server_id'), body: interfaceCreate, response: { 200: response('interfaceAttachment', interfaceView) } },
  delete: { params: params('server_id', 'port_id') },
};

const attachmentView = {
  type: 'object',
  properties: { id: str, serverId: str, volumeId: str, device: str },
  required: ['id', 'serverId', 'volumeId', 'device'],
};

export const volumeAttachmentSchemas = {
  list: { params: params('server_id'), response: { 200: list('volumeAttachments', attachmentView) } },
  show: { params: params('server_id', 'volume_id'), response: { 200: response('volumeAttachment', attachmentView) } },
  create: {
    params: params('server_id'),
    body: envelope('volumeAttachment', {
      properties: { volumeId: uuid, device: nullableString({ pattern: DEVICE_NAME }) },
      required: ['volumeId'],
      additionalProperties: false,
    }),
    response: { 200: response('volumeAttachment', attachmentView) },
  },
  delete: { params: params('server_id', 'volume_id') },
};
