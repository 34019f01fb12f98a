import { bool, envelope, int, list, nullableStr, params, str } from './common.ts';

// Chapter 14.

export interface KeypairCreateBody {
  keypair: { name: string; public_key?: string; type?: 'ssh' | 'x509'; user_id?: string };
}

/** Nova's parameter_types.name: printable, no leading or trailing blanks, 1–255 long. */
const name = { type: 'string', minLength: 1, maxLength: 255, pattern: '^(?! )[^\\u0000-\\u001f\\u007f]*(?<! )$' };

const keypairBody = (extra: Record<string, object>) => ({
  type: 'object',
  properties: {
    keypair: {
      type: 'object',
      properties: { name, public_key: str, ...extra },
      required: ['name'],
      additionalProperties: false,
    },
  },
  required: ['keypair'],
  additionalProperties: false,
});
const type = { type: 'string', enum: ['ssh', 'x509'] };

const fields = { name: str, public_key: str, fingerprint: str, type: str };
const created = envelope('keypair', {
  type: 'object',
  properties: { ...fields, user_id: str, private_key: str },
  required: ['name', 'public_key', 'fingerprint', 'user_id'],
});
const userQuery = { type: 'object', properties: { user_id: str } };

export const keypairSchemas = {
  list: {
    querystring: userQuery,
    response: { 200: list('keypairs', envelope('keypair', { type: 'object', properties: fields, required: ['name', 'public_key', 'fingerprint'] })) },
  },
  show: {
    params: params('keypair_name'),
    querystring: userQuery,
    response: {
      200: envelope('keypair', {
        type: 'object',
        properties: { ...fields, id: int, user_id: str, created_at: str, updated_at: nullableStr, deleted_at: nullableStr, deleted: bool },
        required: ['id', 'name', 'public_key', 'fingerprint', 'user_id', 'created_at', 'updated_at', 'deleted_at', 'deleted'],
      }),
    },
  },
  /** The create schema grows with the microversion: `type` at 2.2, `user_id` (admins) at 2.10. */
  create: {
    '2.0': { body: keypairBody({}), response: { 200: created, 201: created } },
    '2.2': { body: keypairBody({ type }), response: { 200: created, 201: created } },
    '2.10': { body: keypairBody({ type, user_id: str }), response: { 200: created, 201: created } },
  },
  delete: { params: params('keypair_name'), querystring: userQuery },
};
