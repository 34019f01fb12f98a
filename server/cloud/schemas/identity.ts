// Keystone v3's request bodies, as its JSON schemas have them (keystone/auth/schema.py):
// unknown keys are ignored; a domain or system scope is not offered here.

const str = { type: 'string' } as const;
const ref = { type: 'object', properties: { id: str, name: str } } as const;

/** POST /v3/auth/tokens: the password or token method, scoped to a project or unscoped. */
export const authTokensBody = {
  type: 'object',
  properties: {
    auth: {
      type: 'object',
      properties: {
        identity: {
          type: 'object',
          properties: {
            methods: { type: 'array', items: str, minItems: 1 },
            password: {
              type: 'object',
              properties: {
                user: { type: 'object', properties: { id: str, name: str, password: str, domain: ref }, required: ['password'] },
              },
              required: ['user'],
            },
            token: { type: 'object', properties: { id: str }, required: ['id'] },
          },
          required: ['methods'],
        },
        // An object, or the string "unscoped" (a pattern applies to strings only).
        scope: {
          type: ['object', 'string'],
          pattern: '^unscoped$',
          properties: { project: { ...ref, properties: { ...ref.properties, domain: ref } } },
        },
      },
      required: ['identity'],
    },
  },
  required: ['auth'],
  errorMessage: {
    type: 'Expecting to find auth in request body. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.',
    required:
      'Expecting to find auth in request body. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.',
  },
} as const;

const mediaTypes = { type: 'array', items: { type: 'object', properties: { base: str, type: str }, required: ['base', 'type'] } };
const selfLinks = { type: 'array', items: { type: 'object', properties: { rel: str, href: str }, required: ['rel', 'href'] } };

/** GET /v3 */
export const identityVersionSchema = {
  response: {
    200: {
      type: 'object',
      properties: {
        version: {
          type: 'object',
          properties: { id: str, status: str, updated: str, links: selfLinks, 'media-types': mediaTypes },
          required: ['id', 'status', 'updated', 'links', 'media-types'],
        },
      },
      required: ['version'],
    },
  },
};

/** GET /v3/auth/projects */
export const authProjectsSchema = {
  response: {
    200: {
      type: 'object',
      properties: {
        projects: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              id: str,
              name: str,
              domain_id: str,
              description: str,
              enabled: { type: 'boolean' },
              is_domain: { type: 'boolean' },
              parent_id: str,
              links: { type: 'object', properties: { self: str }, required: ['self'] },
            },
            required: ['id', 'name', 'domain_id', 'description', 'enabled', 'is_domain', 'parent_id', 'links'],
          },
        },
        links: {
          type: 'object',
          properties: { self: str, previous: { type: 'null' }, next: { type: 'null' } },
          required: ['self', 'previous', 'next'],
        },
      },
      required: ['projects', 'links'],
    },
  },
};

/** GET /v3/users/{user_id} */
export const userSchemas = {
  show: {
    params: { type: 'object', properties: { user_id: str }, required: ['user_id'] },
    response: {
      200: {
        type: 'object',
        properties: {
          user: {
            type: 'object',
            properties: {
              id: str,
              name: str,
              domain_id: str,
              enabled: { type: 'boolean' },
              default_project_id: str,
              password_expires_at: { type: 'null' },
              options: { type: 'object', additionalProperties: true },
              links: { type: 'object', properties: { self: str }, required: ['self'] },
            },
            required: ['id', 'name', 'domain_id', 'enabled', 'password_expires_at', 'options', 'links'],
          },
        },
        required: ['user'],
      },
    },
  },
};

interface Ref {
  id?: string;
  name?: string;
}

export interface AuthTokensBody {
  auth: {
    identity: {
      methods: string[];
      password?: { user: Ref & { password: string; domain?: Ref } };
      token?: { id: string };
    };
    scope?: 'unscoped' | { project?: Ref & { domain?: Ref } };
  };
}
