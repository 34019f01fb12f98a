import { params, str, stringOrList } from './common.ts';

// The Image API v2 (Glance): the image document's properties as Glance's schema describes
// them (glance/api/v2/images.py get_base_properties), in the order Glance writes an image.
// The same schema checks the answers and is served at /v2/schemas/image.

const nullable = (type: string, description: string, extra: object = {}) => ({ type: ['null', type], description, ...extra });
const readOnly = { readOnly: true } as const;

const IMAGE_PROPERTIES = {
  name: nullable('string', 'Descriptive name for the image', { maxLength: 255 }),
  disk_format: nullable('string', 'Format of the disk', {
    enum: [null, 'ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop'],
  }),
  container_format: nullable('string', 'Format of the container', {
    enum: [null, 'ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed'],
  }),
  visibility: { type: 'string', description: 'Scope of image accessibility', enum: ['community', 'public', 'private', 'shared'] },
  size: nullable('integer', 'Size of image file in bytes', readOnly),
  virtual_size: nullable('integer', 'Virtual size of image in bytes', readOnly),
  status: {
    type: 'string',
    ...readOnly,
    description: 'Status of the image',
    enum: ['queued', 'saving', 'active', 'killed', 'deleted', 'uploading', 'importing', 'pending_delete', 'deactivated'],
  },
  checksum: nullable('string', 'md5 hash of image contents.', { ...readOnly, maxLength: 32 }),
  protected: { type: 'boolean', description: 'If true, image will not be deletable.' },
  min_ram: { type: 'integer', description: 'Amount of ram (in MB) required to boot image.' },
  min_disk: { type: 'integer', description: 'Amount of disk space (in GB) required to boot image.' },
  owner: nullable('string', 'Owner of the image', { maxLength: 255 }),
  os_hidden: { type: 'boolean', description: 'If true, image will not appear in default image list response.' },
  os_hash_algo: nullable('string', 'Algorithm to calculate the os_hash_value', { ...readOnly, maxLength: 64 }),
  os_hash_value: nullable('string', 'Hexdigest of the image contents using the algorithm specified by the os_hash_algo', {
    ...readOnly,
    maxLength: 128,
  }),
  id: {
    type: 'string',
    description: 'An identifier for the image',
    pattern: '^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$',
  },
  created_at: { type: 'string', ...readOnly, description: 'Date and time of image registration' },
  updated_at: { type: 'string', ...readOnly, description: 'Date and time of the last image modification' },
  tags: { type: 'array', description: 'List of strings related to the image', items: { type: 'string', maxLength: 255 } },
  self: { type: 'string', ...readOnly, description: 'An image self url' },
  file: { type: 'string', ...readOnly, description: 'An image file url' },
  schema: { type: 'string', ...readOnly, description: 'An image schema url' },
};

/** An image: Glance's properties, and the image's own (string) properties beside them. */
const imageSchema = {
  type: 'object',
  properties: IMAGE_PROPERTIES,
  additionalProperties: { type: 'string' },
  required: Object.keys(IMAGE_PROPERTIES),
};

/** GET /v2/images: a page, the link to its first page, the next one when the page is full. */
const imageListSchema = {
  type: 'object',
  properties: { images: { type: 'array', items: imageSchema }, first: str, schema: str, next: str },
  required: ['images', 'first', 'schema'],
};

/** Glance's answer to GET / and GET /versions. */
const versionsSchema = {
  type: 'object',
  properties: {
    versions: {
      type: 'array',
      items: {
        type: 'object',
        properties: { id: str, status: str, links: { type: 'array', items: { type: 'object', properties: { rel: str, href: str } } } },
        required: ['id', 'status', 'links'],
      },
    },
  },
  required: ['versions'],
};

/** The schema documents clients may read (glanceclient does): JSON Schema objects, any shape. */
const schemaDocument = { type: 'object', additionalProperties: true };

/** Every parameter of the list is a filter or a paging/sorting parameter, given once or repeated. */
const listQuery = { type: 'object', additionalProperties: stringOrList };

export const imageServiceSchemas = {
  versions: { response: { 200: versionsSchema, 300: versionsSchema } },
  list: { querystring: listQuery, response: { 200: imageListSchema } },
  show: { params: params('image_id'), response: { 200: imageSchema } },
  delete: { params: params('image_id') },
  create: {},
  imageWrite: { params: params('image_id') },
  schemaDocument: { response: { 200: schemaDocument } },
};

/** GET /v2/schemas/image, as Glance serves it: the image's properties and its links. */
export const imageSchemaDocument = {
  name: 'image',
  properties: IMAGE_PROPERTIES,
  additionalProperties: { type: 'string' },
  links: [
    { rel: 'self', href: '{self}' },
    { rel: 'enclosure', href: '{file}' },
    { rel: 'describedby', href: '{schema}' },
  ],
};

/** GET /v2/schemas/images */
export const imagesSchemaDocument = {
  name: 'images',
  properties: {
    images: { type: 'array', items: imageSchemaDocument },
    first: str,
    next: str,
    schema: str,
  },
  links: [
    { rel: 'first', href: '{first}' },
    { rel: 'next', href: '{next}' },
    { rel: 'describedby', href: '{schema}' },
  ],
};
