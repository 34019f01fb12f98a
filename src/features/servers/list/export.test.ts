import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../lib/export';
import { exportFilters, serverExportColumns, summaryExportColumns } from './export';
import type { Server } from '../schemas';

const t = (key: string) => key.replace('servers.columns.', '');

describe('servers export', () => {
  it('keeps the filters and sort of the list, drops its page', () => {
    expect(
      exportFilters({ name: 'web', tags: ['a', 'b'], sort_key: 'display_name', sort_dir: 'asc', limit: 20, marker: 'm-1' }),
    ).toEqual({ name: 'web', tags: ['a', 'b'], sort_key: 'display_name', sort_dir: 'asc', limit: 1000 });
  });

  it('writes names beside ids, addresses by network, tags joined', () => {
    const server = {
      id: 's-1',
      name: 'web-1',
      status: 'ACTIVE',
      'OS-EXT-STS:task_state': null,
      addresses: { 'net-a': [{ addr: '10.0.0.5', version: 4 }], 'net-b': [{ addr: '10.1.0.5', version: 4 }] },
      flavor: { id: 'f-1' },
      image: null,
      'OS-EXT-AZ:availability_zone': 'az1',
      key_name: 'k',
      tags: ['x', 'y'],
      locked: false,
      created: '2026-01-01T00:00:00Z',
      updated: '2026-01-02T00:00:00Z',
    } as unknown as Server;
    const columns = serverExportColumns(t, { flavors: new Map([['f-1', { name: 's3.small.1', vcpus: 1, ram: 1024 }]]), images: new Map() });
    const [header, row] = toCsv([server], columns).trim().split('\r\n');
    expect(header).toBe('id,name,status,task_state,ips,flavor,flavor_id,image,image_id,az,keyName,tags,locked,created,updated');
    expect(row).toBe('s-1,web-1,ACTIVE,,net-a=10.0.0.5; net-b=10.1.0.5,s3.small.1,f-1,,,az1,k,x; y,false,2026-01-01T00:00:00Z,2026-01-02T00:00:00Z');
    expect(toCsv([{ id: 'a', name: '=cmd' }], summaryExportColumns)).toBe("id,name\r\na,'=cmd\r\n");
  });
});
