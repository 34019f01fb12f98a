import { z } from 'zod';

/**
 * An integer that some clouds send as a JSON number and others as a numeric string
 * (the spec types several limits as String). -1 means unlimited.
 */
export const novaInteger = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/, 'expected an integer')
    .transform(Number),
]);

export const UNLIMITED = -1;
