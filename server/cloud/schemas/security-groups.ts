import { envelope, list, nullableStr, str, stringOrList } from './common.ts';

// Chapter 22. Nova has no request schema for these APIs (unknown keys are ignored): its
// _from_body checks only that the body holds the object, which these schemas say with
// Nova's own messages; the fields are checked by the services, as Nova's driver does.

/** Nova's _from_body(body, key): a non-empty body holding `key`, an object. */
const fromBody = (key: string) => ({
  type: ['object', 'null'],
  not: { type: 'null' },
  minProperties: 1,
  required: [key],
  properties: {
    [key]: {
      type: ['object', 'null'],
      not: { type: 'null' },
      errorMessage: { type: `Invalid input for field/attribute ${key}.`, not: `Missing parameter ${key}` },
    },
  },
  errorMessage: { not: "The request body can't be empty", minProperties: "The request body can't be empty", required: `Missing parameter ${key}` },
});

/** Nova's validate_id, on the path. */
const idParam = (name: string) => ({
  type: 'object',
  properties: {
    [name]: {
      type: 'string',
      pattern: '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$',
      errorMessage: { pattern: 'Security group id should be uuid' },
    },
  },
  required: [name],
});

const rule = {
  type: 'object',
  properties: {
    id: str,
    parent_group_id: str,
    ip_protocol: nullableStr,
    from_port: { type: ['integer', 'null'] },
    to_port: { type: ['integer', 'null'] },
    ip_range: { type: 'object', properties: { cidr: str } },
    group: { type: 'object', properties: { name: str, tenant_id: str } },
  },
  required: ['id', 'parent_group_id', 'ip_protocol', 'from_port', 'to_port', 'ip_range', 'group'],
};
const group = {
  type: 'object',
  properties: { id: str, name: str, description: str, tenant_id: str, rules: { type: 'array', items: rule } },
  required: ['id', 'name', 'description', 'tenant_id', 'rules'],
};
const show = { 200: envelope('security_group', group) };

export const securityGroupSchemas = {
  list: {
    querystring: { type: 'object', properties: { limit: stringOrList, offset: stringOrList, all_tenants: stringOrList } },
    response: { 200: list('security_groups', group) },
  },
  create: { body: fromBody('security_group'), response: show },
  show: { params: idParam('security_group_id'), response: show },
  update: { params: idParam('security_group_id'), body: fromBody('security_group'), response: show },
  delete: { params: idParam('security_group_id') },
  createRule: { body: fromBody('security_group_rule'), response: { 200: envelope('security_group_rule', rule) } },
  deleteRule: { params: idParam('security_group_rule_id') },
};

