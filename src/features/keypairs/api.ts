import { z } from 'zod';
import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import {
  createdKeypairResponseSchema,
  keypairDetailResponseSchema,
  keypairListResponseSchema,
  type CreateKeypairRequest,
  type CreatedKeypair,
  type KeypairDetail,
  type KeypairSummary,
} from './schemas';

/** List Keypairs (spec 14.1), unwrapped. */
export async function listKeypairs(target: ComputeTarget): Promise<KeypairSummary[]> {
  const body = await computeRequest(target, { path: '/os-keypairs', schema: keypairListResponseSchema });
  return body.keypairs.map((entry) => entry.keypair);
}

/** Get Keypair (spec 14.2). */
export async function getKeypair(target: ComputeTarget, name: string, signal?: AbortSignal): Promise<KeypairDetail> {
  return (await computeRequest(target, { path: encodePath`/os-keypairs/${name}`, schema: keypairDetailResponseSchema, signal })).keypair;
}

/** Add Keypair (spec 14.3): generates a pair, or imports `public_key`. */
export async function createKeypair(target: ComputeTarget, request: CreateKeypairRequest): Promise<CreatedKeypair> {
  const body = await computeRequest(target, {
    method: 'post',
    path: '/os-keypairs',
    data: { keypair: request },
    schema: createdKeypairResponseSchema,
  });
  return body.keypair;
}

/** Delete Keypair (spec 14.4). */
export async function deleteKeypair(target: ComputeTarget, name: string): Promise<void> {
  await computeRequest(target, { method: 'delete', path: encodePath`/os-keypairs/${name}`, schema: z.unknown() });
}
