import type { Migration } from './migration.ts';

/**
 * An image's disk and container formats are Glance's own fields, as min_ram or status are,
 * not properties: the compute API's image metadata never shows them and its writes cannot
 * replace them. Values kept as properties of those names move to the columns when Glance's
 * schema allows them (it refuses any other value) and the keys leave the metadata.
 *
 * Then what the seed now gives an existing database: images made by the seed (no
 * instance_uuid) are qcow2 in a bare container; a server's snapshot has its base image's
 * formats (see docs/cloud-areas.md), a volume-backed one none, as Nova makes it.
 */
const DISK = `('ami', 'ari', 'aki', 'vhd', 'vhdx', 'vmdk', 'raw', 'qcow2', 'vdi', 'iso', 'ploop')`;
const CONTAINER = `('ami', 'ari', 'aki', 'bare', 'ovf', 'ova', 'docker', 'compressed')`;

const migration: Migration = {
  id: '006-image-formats',
  sql: `
    ALTER TABLE images ADD COLUMN disk_format TEXT;
    ALTER TABLE images ADD COLUMN container_format TEXT;
    UPDATE images SET
      disk_format = CASE WHEN json_extract(metadata, '$.disk_format') IN ${DISK} THEN json_extract(metadata, '$.disk_format') END,
      container_format = CASE WHEN json_extract(metadata, '$.container_format') IN ${CONTAINER} THEN json_extract(metadata, '$.container_format') END,
      metadata = json_remove(metadata, '$.disk_format', '$.container_format')
    WHERE json_type(metadata, '$.disk_format') IS NOT NULL OR json_type(metadata, '$.container_format') IS NOT NULL;

    UPDATE images SET disk_format = COALESCE(disk_format, 'qcow2'), container_format = COALESCE(container_format, 'bare')
    WHERE json_type(metadata, '$.instance_uuid') IS NULL AND (disk_format IS NULL OR container_format IS NULL);
    UPDATE images SET
      disk_format = COALESCE(disk_format, (SELECT b.disk_format FROM images b WHERE b.id = json_extract(images.metadata, '$.base_image_ref'))),
      container_format = COALESCE(container_format, (SELECT b.container_format FROM images b WHERE b.id = json_extract(images.metadata, '$.base_image_ref')))
    WHERE json_type(metadata, '$.instance_uuid') IS NOT NULL AND (disk_format IS NULL OR container_format IS NULL);
  `,
};
export default migration;
