import type { FastifyInstance } from 'fastify';

/**
 * Background services of the cloud (the lifecycle engine that moves servers, volumes and
 * images through their transitional states). Returns a function that stops them.
 */
export function startServices(_app: FastifyInstance): () => void {
  return () => {};
}
