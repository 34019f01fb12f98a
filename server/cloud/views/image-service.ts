import type { ImageApiRow } from '../repositories/images.ts';

// The Image API v2's documents as Glance writes them (glance/api/v2/images.py
// ResponseSerializer, glance/api/versions.py).

/**
 * Where the image service lives on this cloud's listener, as devstack publishes Glance
 * (http://host/image): the catalog's image endpoint is <base>/image.
 */
export const IMAGE_SERVICE_PATH = '/image';

/**
 * The versions Glance 25 (Zed) lists without an image cache or several stores, newest
 * first; every one is served by /v2.
 */
const VERSIONS = ['2.15', '2.9', '2.7', '2.6', '2.5', '2.4', '2.3', '2.2', '2.1', '2.0'];

/** GET <endpoint> (300) and GET <endpoint>/versions (200). */
export const imageVersions = (root: string) => ({
  versions: VERSIONS.map((v, n) => ({ id: `v${v}`, status: n === 0 ? 'CURRENT' : 'SUPPORTED', links: [{ rel: 'self', href: `${root}/v2/` }] })),
});

/** Glance's own attributes: an image property of the same name never shows in their place. */
const CORE = new Set([
  'name', 'disk_format', 'container_format', 'visibility', 'size', 'virtual_size', 'status', 'checksum', 'protected', 'min_ram',
  'min_disk', 'owner', 'os_hidden', 'os_hash_algo', 'os_hash_value', 'id', 'created_at', 'updated_at', 'tags', 'self', 'file',
  'schema', 'locations', 'direct_url',
]);

/**
 * An image: its properties (the compute API's image metadata), then Glance's attributes.
 * This cloud keeps no image data, tags, checksums or protection, so those are null, empty
 * or false, as Glance shows an image without them.
 */
export function imageDocument(i: ImageApiRow) {
  const properties = Object.fromEntries(Object.entries(i.metadata).filter(([key]) => !CORE.has(key)));
  return {
    ...properties,
    name: i.name,
    disk_format: i.disk_format,
    container_format: i.container_format,
    visibility: i.visibility,
    size: i.size,
    virtual_size: null,
    status: i.status,
    checksum: null,
    protected: false,
    min_ram: i.min_ram,
    min_disk: i.min_disk,
    owner: i.project_id,
    os_hidden: false,
    os_hash_algo: null,
    os_hash_value: null,
    id: i.id,
    created_at: i.created_at,
    updated_at: i.updated_at,
    tags: [] as string[],
    self: `/v2/images/${i.id}`,
    file: `/v2/images/${i.id}/file`,
    schema: '/v2/schemas/image',
  };
}

/** Python's urlencode (quote_plus): what Glance's links carry. */
function urlencode(pairs: [string, string][]): string {
  const quote = (s: string) =>
    encodeURIComponent(s)
      .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
      .replace(/%20/g, '+');
  return pairs.map(([k, v]) => `${quote(k)}=${quote(v)}`).join('&');
}

/**
 * GET /v2/images: the page, `first` (the request's query without its marker) and, when the
 * page is full, `next` (the same query with the last image as marker). Links are relative
 * to the endpoint, as Glance writes them; a repeated parameter keeps its last value (Python's
 * dict of webob's MultiDict).
 */
export function imageListDocument(images: ImageApiRow[], query: Record<string, string | string[] | undefined>, nextMarker: string | null) {
  const params: [string, string][] = [];
  for (const [key, value] of Object.entries(query)) {
    const one = Array.isArray(value) ? value.at(-1) : value;
    if (key !== 'marker' && one !== undefined) params.push([key, one]);
  }
  return {
    images: images.map(imageDocument),
    first: params.length ? `/v2/images?${urlencode(params)}` : '/v2/images',
    schema: '/v2/schemas/images',
    ...(nextMarker ? { next: `/v2/images?${urlencode([...params, ['marker', nextMarker]])}` } : {}),
  };
}
