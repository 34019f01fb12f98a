import type { FastifyInstance, FastifyPluginAsync } from 'fastify';

/**
 * A plugin whose decorations and hooks belong to the instance that registers it, not to a
 * child scope: Fastify's `skip-override` mark, which is all the fastify-plugin package adds.
 */
export function appPlugin<Options extends object = Record<never, never>>(
  name: string,
  fn: (app: FastifyInstance, opts: Options) => Promise<void>,
): FastifyPluginAsync<Options> {
  const plugin = fn as FastifyPluginAsync<Options> & Record<symbol, unknown>;
  plugin[Symbol.for('skip-override')] = true;
  plugin[Symbol.for('fastify.display-name')] = name;
  return plugin;
}
