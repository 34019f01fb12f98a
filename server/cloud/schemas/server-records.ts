import { envelope, list, nullableStr, params, str } from './common.ts';

// Chapters 9, 11, 17 and 22.6: what a server's answers are read from (addresses, instance
// actions, the password, security groups). Addresses are keyed by network label: open.

const address = {
  type: 'object',
  properties: { version: { type: 'integer' }, addr: str },
  required: ['version', 'addr'],
};
const addresses = { type: 'object', additionalProperties: { type: 'array', items: address } };

const action = {
  type: 'object',
  properties: {
    action: str,
    instance_uuid: str,
    message: nullableStr,
    project_id: str,
    request_id: str,
    start_time: str,
    user_id: str,
    events: {
      type: 'array',
      items: {
        type: 'object',
        properties: { event: str, start_time: str, finish_time: nullableStr, result: nullableStr, traceback: nullableStr },
        required: ['event', 'start_time', 'finish_time', 'result', 'traceback'],
      },
    },
  },
  required: ['action', 'instance_uuid', 'message', 'project_id', 'request_id', 'start_time', 'user_id'],
};

export const serverRecordSchemas = {
  ips: { params: params('server_id'), response: { 200: envelope('addresses', addresses) } },
  /** `{ "<network label>": [...] }` */
  ipsOfNetwork: { params: params('server_id', 'network_name'), response: { 200: addresses } },
  actions: { params: params('server_id'), response: { 200: list('instanceActions', action) } },
  action: { params: params('server_id', 'request_id'), response: { 200: envelope('instanceAction', action) } },
  password: { params: params('server_id'), response: { 200: envelope('password', str) } },
  clearPassword: { params: params('server_id') },
  securityGroups: { params: params('server_id') },
};
