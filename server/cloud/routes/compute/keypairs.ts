import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { forbidden, notFound } from '../../errors.ts';
import {
  createKeypair,
  deleteKeypair,
  generateKeyMaterial,
  getKeypair,
  listKeypairs,
  validateKeypairName,
  type Keypair,
  type KeypairType,
} from '../../repositories/keypairs.ts';
import { since, variants } from '../../plugins/microversion.ts';
import { keypairSchemas } from './resource-schemas.ts';

/** Nova's parameter_types.name: printable, no leading or trailing blanks, 1–255 long. */
const name = { type: 'string', minLength: 1, maxLength: 255, pattern: '^(?! )[^\\u0000-\\u001f\\u007f]*(?<! )$' };

const keypairBody = (extra: Record<string, object>) => ({
  type: 'object',
  properties: {
    keypair: {
      type: 'object',
      properties: { name, public_key: { type: 'string' }, ...extra },
      required: ['name'],
      additionalProperties: false,
    },
  },
  required: ['keypair'],
  additionalProperties: false,
});
/** The create schema grows with the microversion: `type` at 2.2, `user_id` (admins) at 2.10. */
const CREATE_V21 = keypairBody({});
const CREATE_V22 = keypairBody({ type: { type: 'string', enum: ['ssh', 'x509'] } });
const CREATE_V210 = keypairBody({ type: { type: 'string', enum: ['ssh', 'x509'] }, user_id: { type: 'string' } });

interface CreateBody {
  keypair: { name: string; public_key?: string; type?: KeypairType; user_id?: string };
}

/**
 * Whose keypairs: the caller's, or from 2.10 another user's when an admin asks with
 * user_id (Nova's policy refuses it to members with 403).
 */
function targetUser(req: FastifyRequest, requested: string | undefined, action: string): string {
  if (requested === undefined || !req.ctx.mv.atLeast('2.10') || requested === req.ctx.userId) return req.ctx.userId;
  if (!req.ctx.isAdmin) throw forbidden(`Policy doesn't allow os_compute_api:os-keypairs:${action} to be performed.`);
  return requested;
}

const withType = (req: FastifyRequest, k: Keypair) => (req.ctx.mv.atLeast('2.2') ? { type: k.type } : {});

const nameParams = { type: 'object', properties: { keypair_name: { type: 'string' } }, required: ['keypair_name'] };
const userQuery = { type: 'object', properties: { user_id: { type: 'string' } } };
type NameReq = FastifyRequest<{ Params: { keypair_name: string }; Querystring: { user_id?: string } }>;

/** Chapter 14: keypairs, owned by the user (not the project). */
export default async function keypairRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get<{ Querystring: { user_id?: string } }>('/os-keypairs', { schema: { querystring: userQuery, response: { 200: keypairSchemas.list } } }, async (req) => {
    const user = targetUser(req, req.query.user_id, 'index');
    return {
      keypairs: listKeypairs(db, user).map((k) => ({
        keypair: { name: k.name, public_key: k.public_key, fingerprint: k.fingerprint, ...withType(req, k) },
      })),
    };
  });

  app.get('/os-keypairs/:keypair_name', { schema: { params: nameParams, querystring: userQuery, response: { 200: keypairSchemas.show } } }, async (request) => {
    const req = request as NameReq;
    const user = targetUser(req, req.query.user_id, 'show');
    const k = getKeypair(db, user, req.params.keypair_name);
    if (!k) throw notFound(`Keypair ${req.params.keypair_name} not found for user ${user}`);
    return {
      keypair: {
        id: k.id,
        name: k.name,
        public_key: k.public_key,
        fingerprint: k.fingerprint,
        user_id: k.user_id,
        created_at: k.created_at,
        updated_at: null,
        deleted_at: null,
        deleted: false,
        ...withType(req, k),
      },
    };
  });

  const create = async (req: FastifyRequest, reply: FastifyReply) => {
    const mv = req.ctx.mv;
    const { keypair } = req.body as CreateBody;
    const user = targetUser(req, keypair.user_id, 'create');
    const type = keypair.type ?? 'ssh';
    // Cheap checks first, so a bad name does not cost a key generation.
    validateKeypairName(keypair.name);
    const generated = keypair.public_key === undefined ? await generateKeyMaterial(type, user, req.ctx.projectId) : undefined;
    const { keypair: k, privateKey } = createKeypair(db, {
      userId: user,
      projectId: req.ctx.projectId,
      name: keypair.name,
      type,
      publicKey: keypair.public_key,
      generated,
    });
    // 2.2 changed the code from 200 to 201 (tempest's v2_2 schema).
    return reply.code(mv.atLeast('2.2') ? 201 : 200).send({
      keypair: {
        name: k.name,
        public_key: k.public_key,
        fingerprint: k.fingerprint,
        user_id: k.user_id,
        ...(privateKey === undefined ? {} : { private_key: privateKey }),
        ...withType(req, k),
      },
    });
  };
  for (const [version, body] of variants({ '2.0': CREATE_V21, '2.2': CREATE_V22, '2.10': CREATE_V210 })) {
    app.post('/os-keypairs', { ...since(version), schema: { body, response: { 200: keypairSchemas.create, 201: keypairSchemas.create } } }, create);
  }

  app.delete('/os-keypairs/:keypair_name', { schema: { params: nameParams, querystring: userQuery } }, async (request, reply) => {
    const req = request as NameReq;
    const user = targetUser(req, req.query.user_id, 'delete');
    deleteKeypair(db, user, req.params.keypair_name);
    // 202 at the base version, 204 from 2.2.
    return reply.code(req.ctx.mv.atLeast('2.2') ? 204 : 202).send();
  });
}
