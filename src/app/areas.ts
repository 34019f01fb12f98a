/**
 * Every resource area of the spec, in navbar order. Whether an area has its page yet is
 * decided in router.tsx; the rest show a plain "not built yet" page, never a dead link.
 */
export type AreaKey =
  | 'overview'
  | 'servers'
  | 'flavors'
  | 'images'
  | 'keypairs'
  | 'serverGroups'
  | 'volumes'
  | 'snapshots'
  | 'networks'
  | 'securityGroups'
  | 'availabilityZones'
  | 'limits'
  | 'apiVersions';

export type AreaSection = 'general' | 'compute' | 'storage' | 'network' | 'project';

export interface Area {
  key: AreaKey;
  path: string;
  section: AreaSection;
}

export const areas: Area[] = [
  { key: 'overview', path: '/', section: 'general' },
  { key: 'servers', path: '/servers', section: 'compute' },
  { key: 'flavors', path: '/flavors', section: 'compute' },
  { key: 'images', path: '/images', section: 'compute' },
  { key: 'keypairs', path: '/key-pairs', section: 'compute' },
  { key: 'serverGroups', path: '/server-groups', section: 'compute' },
  { key: 'volumes', path: '/volumes', section: 'storage' },
  { key: 'snapshots', path: '/snapshots', section: 'storage' },
  { key: 'networks', path: '/networks', section: 'network' },
  { key: 'securityGroups', path: '/security-groups', section: 'network' },
  { key: 'availabilityZones', path: '/availability-zones', section: 'project' },
  { key: 'limits', path: '/limits', section: 'project' },
  { key: 'apiVersions', path: '/api-versions', section: 'project' },
];

export const areaSections: AreaSection[] = ['general', 'compute', 'storage', 'network', 'project'];

/** The area a path belongs to (`/servers/abc` → servers). */
export function areaOf(pathname: string): Area | undefined {
  return areas.find((area) => (area.path === '/' ? pathname === '/' : pathname === area.path || pathname.startsWith(`${area.path}/`)));
}
