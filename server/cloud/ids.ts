import { randomBytes, randomUUID } from 'node:crypto';

export const uuid = (): string => randomUUID();
/** Keystone-style ids: 32 hex characters, no dashes. */
export const hexId = (): string => randomBytes(16).toString('hex');
export const requestId = (): string => `req-${randomUUID()}`;
/** ISO 8601 without milliseconds, as Nova prints times: 2026-11-27T10:31:18Z. */
export const isoNow = (ms: number = Date.now()): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
/**
 * How Nova's and Cinder's databases print times (instance actions, launched_at, keypairs,
 * volumes): microseconds and no zone, 2026-11-27T10:31:18.092000.
 */
export const microTime = (ms: number = Date.now()): string => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000');

/** The id at the end of a reference that may be a URL (imageRef, flavorRef). */
export function idFromRef(ref: string): string {
  const trimmed = ref.replace(/\/+$/, '');
  return trimmed.includes('/') ? trimmed.slice(trimmed.lastIndexOf('/') + 1) : trimmed;
}
