import type { FastifyInstance } from 'fastify';
import { MAX_VERSION, MIN_VERSION } from '../microversion.ts';

// Sections 3.3 and 3.4: the version documents clients read before anything else.

const v20 = (base: string) => ({
  id: 'v2.0',
  status: 'DEPRECATED',
  version: '',
  min_version: '',
  updated: '2025-07-04T12:00:00Z',
  links: [{ rel: 'self', href: `${base}/v2/` }],
});
const v21 = (base: string) => ({
  id: 'v2.1',
  status: 'CURRENT',
  version: MAX_VERSION,
  min_version: MIN_VERSION,
  updated: '2013-07-23T11:33:21Z',
  links: [{ rel: 'self', href: `${base}/v2.1/` }],
});

const detailed = (doc: ReturnType<typeof v20>, mediaVersion: string) => ({
  version: {
    ...doc,
    links: [...doc.links, { rel: 'describedby', type: 'text/html', href: 'http://docs.openstack.org/' }],
    'media-types': [{ base: 'application/json', type: `application/vnd.openstack.compute+json;version=${mediaVersion}` }],
  },
});

export default async function versionRoutes(app: FastifyInstance) {
  const opts = app.cloudConfig;
  // Nova answers the root with 300 Multiple Choices only for unknown media types; JSON clients get 200.
  app.get('/', async (req) => ({ versions: [v20(opts.publicUrl(req)), v21(opts.publicUrl(req))] }));
  app.get('/v2', async (req) => detailed(v20(opts.publicUrl(req)), '2'));
  app.get('/v2.1', async (req) => detailed(v21(opts.publicUrl(req)), '2.1'));
}
