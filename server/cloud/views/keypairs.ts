import type { RequestContext } from '../context.ts';
import type { Keypair } from '../repositories/keypairs.ts';

/** `type` from microversion 2.2. */
const withType = (ctx: RequestContext, k: Keypair) => (ctx.mv.atLeast('2.2') ? { type: k.type } : {});

/** An item of the list (14.1). */
export const keypairListItem = (ctx: RequestContext, k: Keypair) => ({
  keypair: { name: k.name, public_key: k.public_key, fingerprint: k.fingerprint, ...withType(ctx, k) },
});

/** One keypair (14.2), with Nova's database fields. */
export const keypairDetail = (ctx: RequestContext, k: Keypair) => ({
  id: k.id,
  name: k.name,
  public_key: k.public_key,
  fingerprint: k.fingerprint,
  user_id: k.user_id,
  created_at: k.created_at,
  updated_at: null,
  deleted_at: null,
  deleted: false,
  ...withType(ctx, k),
});

/** A created keypair (14.3): the private key once, when the cloud made it. */
export const createdKeypair = (ctx: RequestContext, k: Keypair, privateKey: string | undefined) => ({
  name: k.name,
  public_key: k.public_key,
  fingerprint: k.fingerprint,
  user_id: k.user_id,
  ...(privateKey === undefined ? {} : { private_key: privateKey }),
  ...withType(ctx, k),
});
