import type { FastifyInstance, RouteShorthandOptions } from 'fastify';
import type { IncomingMessage } from 'node:http';
import { appPlugin } from './plugin.ts';
import { notFound } from '../errors.ts';
import { BASE, Microversion, negotiate } from '../microversion.ts';

/**
 * Routes by microversion, as Nova's `@validation.schema(schema, min_version)` and
 * `@wsgi.Controller.api_version` choose a schema and a method per version.
 *
 * A route that changes with the version is registered once per range with
 * `since('2.19')`, each with its own schemas; the router then picks, for each request, the
 * variant of the highest version not above the requested one. '2.0' is the legacy /v2 API
 * (the base version with the v2.0 schemas), so a versioned route always has a '2.0' variant.
 */
const LEGACY = new Microversion(2, 0);

type Strategy = Parameters<FastifyInstance['addConstraintStrategy']>[0];
type Store = ReturnType<ReturnType<Strategy['storage']>['get']>;

/** The router's constraint strategy: registered values are versions ('2.19'), requests derive a Microversion. */
const strategy: Strategy = {
  name: 'microversion',
  mustMatchWhenDerived: false,
  storage() {
    // What the router keeps per value (a bit mask of route variants) is opaque here.
    const byVersion = new Map<string, Store>();
    return {
      get(value: unknown): Store {
        if (typeof value === 'string') return byVersion.get(value) ?? null;
        const asked = value as Microversion;
        let best: { v: Microversion; store: Store } | undefined;
        for (const [text, store] of byVersion) {
          const v = text === '2.0' ? LEGACY : Microversion.parse(text);
          if (asked.atLeast(v.toString()) && (!best || v.atLeast(best.v.toString()))) best = { v, store };
        }
        return best?.store ?? null;
      },
      set(value: unknown, store: Store): void {
        byVersion.set(value as string, store);
      },
    };
  },
  /** /v2 is the legacy API; /v2.1 the version asked for (a bad header is refused later, by compute-context). */
  deriveConstraint(req: IncomingMessage): Microversion {
    if (req.url?.startsWith('/v2/')) return LEGACY;
    try {
      return negotiate(req.headers);
    } catch {
      return BASE;
    }
  },
  validate(value: unknown): void {
    if (typeof value !== 'string' || !/^2\.\d+$/.test(value)) throw new Error(`bad microversion constraint ${String(value)}`);
  },
};

/** Lets routes take `since(version)`. */
export default appPlugin('microversion', async (app) => {
  app.addConstraintStrategy(strategy);
});

/** Route options of the variant for requests at `version` and above ('2.0': every request). */
export const since = (version: string): RouteShorthandOptions => ({ constraints: { microversion: version } });

/** Versions of a route's variants, lowest first: [['2.0', schemaA], ['2.19', schemaB]]. */
export function variants<T>(byVersion: Record<string, T>): [string, T][] {
  const entries = Object.entries(byVersion);
  if (!entries.some(([v]) => v === '2.0')) throw new Error('a versioned route needs a 2.0 variant');
  return entries;
}

/**
 * An API that exists from one microversion (`since`) or until one (`until`): other requests
 * meet Nova's 404 after the token check, as Nova's version-routed controllers answer.
 */
export function versionRange(app: FastifyInstance, range: { since?: string; until?: string }): void {
  app.addHook('onRequest', async (req) => {
    const mv = req.ctx.mv;
    if ((range.since && !mv.atLeast(range.since)) || (range.until && !mv.atMost(range.until))) {
      throw notFound('The resource could not be found.');
    }
  });
}

/**
 * The proxy APIs (images, os-volumes, os-snapshots, os-networks, os-security-groups,
 * os-security-group-rules) were removed at microversion 2.36. This cloud stops at 2.26, so
 * the range never closes today; it keeps the rule explicit if the maximum moves.
 */
export const PROXY_API = { until: '2.35' };
