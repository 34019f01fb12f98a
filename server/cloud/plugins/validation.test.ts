import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NovaError } from '../errors.ts';
import { login, makeCloud, type Session } from '../test/harness.ts';
import { validatorCompiler } from './validation.ts';

// The one request validation: any schema failure answered in Nova's (or Keystone's) words.

/** The message a body gets from `schema`, or null when it passes. */
function messageOf(schema: object, body: unknown, style: 'nova' | 'keystone' = 'nova', httpPart = 'body'): string | null {
  const validate = validatorCompiler(style)({ schema, httpPart, method: 'POST', url: '/x' }) as (d: unknown) => { error?: Error };
  const { error } = validate(body);
  if (!error) return null;
  expect(error).toBeInstanceOf(NovaError);
  expect((error as NovaError).status).toBe(400);
  return error.message;
}

const keypair = {
  type: 'object',
  properties: {
    keypair: {
      type: 'object',
      properties: { name: { type: 'string', minLength: 1 }, tags: { type: 'array', items: { type: 'string' } } },
      required: ['name'],
      additionalProperties: false,
    },
  },
  required: ['keypair'],
  additionalProperties: false,
};

describe("Nova's messages", () => {
  it('names the innermost field and prints the value as Python str() does', () => {
    expect(messageOf(keypair, { keypair: { name: '' } })).toBe("Invalid input for field/attribute name. Value: . '' is too short");
    expect(messageOf(keypair, { keypair: 'abc' })).toBe("Invalid input for field/attribute keypair. Value: abc. 'abc' is not of type 'object'");
    expect(messageOf(keypair, { keypair: { name: 'k', tags: ['a', 5] } })).toBe("Invalid input for field/attribute tags. Value: 5. 5 is not of type 'string'");
  });

  it('leaves a failure of the body itself bare', () => {
    expect(messageOf(keypair, {})).toBe("'keypair' is a required property");
    expect(messageOf(keypair, null)).toBe("None is not of type 'object'");
  });

  it("tells the first failure in the schema's order, as Nova Zed does: properties, then missing keys, then unknown ones", () => {
    expect(messageOf(keypair, { keypair: { name: 5, colour: 'red' } })).toBe("Invalid input for field/attribute name. Value: 5. 5 is not of type 'string'");
    expect(messageOf(keypair, { keypair: { colour: 'red' } })).toBe("Invalid input for field/attribute keypair. Value: {'colour': 'red'}. 'name' is a required property");
    expect(messageOf(keypair, { keypair: { name: 'k', a: 1, b: 2 } })).toBe(
      "Invalid input for field/attribute keypair. Value: {'name': 'k', 'a': 1, 'b': 2}. Additional properties are not allowed ('a', 'b' were unexpected)",
    );
    expect(messageOf(keypair, { keypair: { name: 'k', tags: [1, 2] } })).toBe("Invalid input for field/attribute tags. Value: 1. 1 is not of type 'string'");
  });

  it("uses a schema's own message, with the value, the field and the unexpected key", () => {
    const body = {
      type: 'object',
      maxProperties: 1,
      properties: { lock: { type: 'null', errorMessage: { type: 'Invalid input for field/attribute {field}. Value: {value}. {repr} is not null' } } },
      additionalProperties: false,
      errorMessage: { maxProperties: 'too many', additionalProperties: 'There is no such action: {property}' },
    };
    expect(messageOf(body, { dance: null })).toBe('There is no such action: dance');
    expect(messageOf(body, { lock: null, dance: 1 })).toBe('too many');
    expect(messageOf(body, { lock: 'x' })).toBe("Invalid input for field/attribute lock. Value: x. 'x' is not null");
  });

  it('says an anyOf failed rather than which branch failed', () => {
    const schema = { type: 'object', properties: { length: { anyOf: [{ type: 'null' }, { type: 'integer', minimum: -1 }] } } };
    expect(messageOf(schema, { length: 'x' })).toBe("Invalid input for field/attribute length. Value: x. 'x' is not valid under any of the given schemas");
  });

  it('reads integers, booleans and boot indexes as leniently as Nova', () => {
    const schema = {
      type: 'object',
      properties: { n: { integerLike: { minimum: 1 } }, b: { booleanLike: true }, i: { bootIndex: true } },
    };
    expect(messageOf(schema, { n: ' 3 ', b: 'YES', i: '-1' })).toBeNull();
    expect(messageOf(schema, { n: 'abc' })).toBe("Invalid input for field/attribute n. Value: abc. 'abc' is not of type 'integer', 'string'");
    expect(messageOf(schema, { n: '0' })).toBe("Invalid input for field/attribute n. Value: 0. '0' is less than the minimum of 1");
    expect(messageOf(schema, { b: 'maybe' })).toMatch(/^Invalid input for field\/attribute b\. Value: maybe\. 'maybe' is not one of \[True, 'True'/);
    expect(messageOf(schema, { i: 'x' })).toBe(`Invalid input for field/attribute i. Value: x. "x" is not of type 'integer', 'string', 'null'`);
  });

  it('checks names as parameter_types.name does, and the legacy API as v2.0 did', () => {
    const v21 = { type: 'object', properties: { name: { type: 'string', format: 'name' } } };
    const v20 = { type: 'object', properties: { name: { type: 'string', format: 'name_with_leading_trailing_spaces' } } };
    expect(messageOf(v21, { name: ' x' })).toBe(
      "Invalid input for field/attribute name. Value:  x. An invalid 'name' value was provided. The name must be: printable characters. Can not start or end with whitespace.",
    );
    expect(messageOf(v20, { name: ' x' })).toBeNull();
    expect(messageOf(v20, { name: '  ' })).toMatch(/with at least one non space character$/);
  });

  it('names query parameters as query parameters, and coerces their text', () => {
    const schema = { type: 'object', properties: { sort_key: { type: 'array', items: { enum: ['name'] } }, limit: { type: 'integer' } } };
    expect(messageOf(schema, { sort_key: 'name', limit: '5' }, 'nova', 'querystring')).toBeNull();
    expect(messageOf(schema, { sort_key: 'x' }, 'nova', 'querystring')).toBe("Invalid input for query parameters sort_key. Value: x. 'x' is not one of ['name']");
  });

  it("answers Keystone's bodies in Keystone's words: the path within auth", () => {
    const auth = { type: 'object', properties: { auth: { type: 'object', properties: { identity: { type: 'object', required: ['methods'] } } } } };
    expect(messageOf(auth, { auth: { identity: {} } }, 'keystone')).toBe("Invalid input for field 'identity': 'methods' is a required property");
  });
});

describe('schemas per microversion, over HTTP', () => {
  let app: FastifyInstance;
  let alice: Session;
  let serverId: string;
  beforeAll(async () => {
    app = await makeCloud();
    alice = await login(app, 'alice');
    serverId = (app.db.prepare("SELECT id FROM servers WHERE name = 'web-01'").get() as { id: string }).id;
  });
  afterAll(() => app.close());

  const rename = (body: object, o: { version?: string; legacy?: boolean }) => alice.call('PUT', `servers/${serverId}`, { server: body }, o);

  it('[4.8] takes description from 2.19 only, as the 2.19 schema does', async () => {
    expect((await rename({ description: 'd' }, { version: '2.18' })).json().badRequest.message).toBe(
      "Invalid input for field/attribute server. Value: {'description': 'd'}. Additional properties are not allowed ('description' was unexpected)",
    );
    expect((await rename({ description: 'd' }, { version: '2.19' })).json().server.description).toBe('d');
    expect((await rename({ description: 'e' }, { version: 'latest' })).json().server.description).toBe('e');
  });

  it('[4.8] takes a name with leading spaces on the legacy v2 API only', async () => {
    expect((await rename({ name: ' web' }, { legacy: true })).statusCode).toBe(200);
    expect((await rename({ name: ' web' }, {})).statusCode).toBe(400);
  });

  it('[5.4] checks the body before looking for the server, as Nova does', async () => {
    const res = await alice.call('POST', 'servers/00000000-0000-0000-0000-000000000000/action', { reboot: { type: 'gentle' } });
    expect(res.statusCode).toBe(400);
  });
});
