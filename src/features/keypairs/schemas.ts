import { z } from 'zod';

/** One key pair as List Keypairs returns it (spec 14.1): wrapped in `{ keypair: ... }`. */
const keypairSummarySchema = z.object({
  name: z.string(),
  public_key: z.string().optional(),
  fingerprint: z.string().optional(),
  /** `ssh` or `x509`, from microversion 2.2. */
  type: z.string().optional(),
});
export type KeypairSummary = z.infer<typeof keypairSummarySchema>;

export const keypairListResponseSchema = z.object({
  keypairs: z.array(z.object({ keypair: keypairSummarySchema })),
});

/** Get Keypair (spec 14.2). */
const keypairDetailSchema = z.object({
  name: z.string(),
  public_key: z.string(),
  fingerprint: z.string(),
  user_id: z.string().optional(),
  id: z.union([z.number(), z.string()]).optional(),
  created_at: z.string().nullable().optional(),
  updated_at: z.string().nullable().optional(),
  deleted_at: z.string().nullable().optional(),
  deleted: z.boolean().optional(),
  type: z.string().optional(),
});
export type KeypairDetail = z.infer<typeof keypairDetailSchema>;
export const keypairDetailResponseSchema = z.object({ keypair: keypairDetailSchema });

/** Add Keypair (spec 14.3): `private_key` only when the cloud generated the pair. */
const createdKeypairSchema = z.object({
  name: z.string(),
  public_key: z.string(),
  fingerprint: z.string(),
  user_id: z.string().optional(),
  private_key: z.string().optional(),
  type: z.string().optional(),
});
export type CreatedKeypair = z.infer<typeof createdKeypairSchema>;
export const createdKeypairResponseSchema = z.object({ keypair: createdKeypairSchema });

export type KeypairType = 'ssh' | 'x509';

export interface CreateKeypairRequest {
  name: string;
  /** Absent: the cloud generates the pair and returns the private key once. */
  public_key?: string;
  /** From microversion 2.2. */
  type?: KeypairType;
}
