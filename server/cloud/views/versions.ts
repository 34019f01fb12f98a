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

/** GET / (Nova answers 300 Multiple Choices only for unknown media types; JSON clients get 200). */
export const versionList = (base: string) => ({ versions: [v20(base), v21(base)] });

/** GET /v2 and GET /v2.1 */
export const versionDocument = (base: string, id: 'v2' | 'v2.1') => (id === 'v2' ? detailed(v20(base), '2') : detailed(v21(base), '2.1'));
