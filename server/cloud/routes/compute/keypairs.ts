import type { FastifyInstance } from 'fastify';
import { since, variants } from '../../plugins/microversion.ts';
import { keypairSchemas as schemas, type KeypairCreateBody } from '../../schemas/keypairs.ts';
import {
  createKeypair,
  deleteKeypair,
  generateKeyMaterial,
  keypairsOf,
  showKeypair,
  targetUser,
  validateKeypairName,
} from '../../services/keypairs.ts';
import { createdKeypair, keypairDetail, keypairListItem } from '../../views/keypairs.ts';

type UserQuery = { Querystring: { user_id?: string } };
type NameParams = UserQuery & { Params: { keypair_name: string } };

/** Chapter 14: keypairs, owned by the user (not the project). */
export default async function keypairRoutes(app: FastifyInstance) {
  const { db } = app;

  app.get<UserQuery>('/os-keypairs', { schema: schemas.list }, async (req) => ({
    keypairs: keypairsOf(db, targetUser(req.ctx, req.query.user_id, 'index')).map((k) => keypairListItem(req.ctx, k)),
  }));

  app.get<NameParams>('/os-keypairs/:keypair_name', { schema: schemas.show }, async (req) => {
    const user = targetUser(req.ctx, req.query.user_id, 'show');
    return { keypair: keypairDetail(req.ctx, showKeypair(db, user, req.params.keypair_name)) };
  });

  for (const [version, schema] of variants(schemas.create)) {
    app.post<{ Body: KeypairCreateBody }>('/os-keypairs', { ...since(version), schema }, async (req, reply) => {
      const { keypair } = req.body;
      const user = targetUser(req.ctx, keypair.user_id, 'create');
      const type = keypair.type ?? 'ssh';
      // Cheap checks first, so a bad name does not cost a key generation.
      validateKeypairName(keypair.name);
      const generated = keypair.public_key === undefined ? await generateKeyMaterial(type, user, req.ctx.projectId) : undefined;
      const made = createKeypair(db, { userId: user, projectId: req.ctx.projectId, name: keypair.name, type, publicKey: keypair.public_key, generated });
      // 2.2 changed the code from 200 to 201 (tempest's v2_2 schema).
      return reply.code(req.ctx.mv.atLeast('2.2') ? 201 : 200).send({ keypair: createdKeypair(req.ctx, made.keypair, made.privateKey) });
    });
  }

  app.delete<NameParams>('/os-keypairs/:keypair_name', { schema: schemas.delete }, async (req, reply) => {
    deleteKeypair(db, targetUser(req.ctx, req.query.user_id, 'delete'), req.params.keypair_name);
    // 202 at the base version, 204 from 2.2.
    return reply.code(req.ctx.mv.atLeast('2.2') ? 204 : 202).send();
  });
}
