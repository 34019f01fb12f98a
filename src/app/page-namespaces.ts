import { loadNamespaces } from '../lib/i18n';

/**
 * The translation files (`locales/<language>/<name>.json`) each lazily loaded part of the
 * console uses, loaded together with its code, so a page fetches only the strings it shows.
 * `src/app/page-namespaces.test.ts` walks each part's imports and fails when one uses a file
 * not listed here (or in the shell's, which every signed-in page has).
 */
export const SHELL_NAMESPACES = ['servers', 'validation'] as const;

export const pageNamespaces = {
  'routes/overview': ['limits'],
  'routes/api-versions': [],
  'routes/not-built': [],
  'routes/not-found': [],
  'routes/servers/area': [],
  'routes/servers/list': ['ui'],
  'routes/servers/create': ['keypairs', 'limits', 'serverGroups', 'snapshots'],
  'routes/servers/detail': ['limits', 'server-detail', 'ui', 'volumes'],
  'routes/flavors/list': ['flavors', 'ui'],
  'routes/images/list': ['images', 'ui'],
  'routes/images/detail': ['images', 'ui'],
  'routes/key-pairs/list': ['keypairs', 'ui'],
  'routes/key-pairs/detail': ['keypairs', 'ui'],
  'routes/server-groups/list': ['serverGroups', 'ui'],
  'routes/server-groups/detail': ['serverGroups', 'ui'],
  'routes/volumes/list': ['snapshots', 'ui', 'volumes'],
  'routes/volumes/detail': ['snapshots', 'ui', 'volumes'],
  'routes/snapshots/list': ['snapshots', 'ui', 'volumes'],
  'routes/snapshots/detail': ['snapshots', 'ui', 'volumes'],
  'routes/networks/list': ['networks', 'ui'],
  'routes/networks/detail': ['networks', 'ui'],
  'routes/security-groups/list': ['securityGroups', 'ui'],
  'routes/security-groups/detail': ['securityGroups', 'ui'],
  'routes/availability-zones/list': ['availabilityZones', 'ui', 'volumes'],
  'routes/limits/list': ['limits', 'ui'],
} satisfies Record<string, readonly string[]>;

export type PagePath = keyof typeof pageNamespaces;

/** A lazy import that also loads the page's strings, in parallel with its code. */
export function withStrings<T>(page: PagePath, load: () => Promise<T>): () => Promise<T> {
  return async () => (await Promise.all([load(), loadNamespaces(pageNamespaces[page])]))[0];
}
