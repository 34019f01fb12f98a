import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAvailabilityZones, zoneExists } from '../../repositories/availability-zones.ts';
import { expectContract } from '../../test/contract.ts';
import { login, makeCloud, type Session } from '../../test/harness.ts';

let app: FastifyInstance;
let bob: Session;
let admin: Session;
beforeAll(async () => {
  app = await makeCloud();
  [bob, admin] = await Promise.all([login(app, 'bob'), login(app, 'admin')]);
});
afterAll(() => app.close());

describe('availability zones (chapter 18)', () => {
  it('[18.1] lists the two zones with hosts null, on /v2 and /v2.1', async () => {
    for (const legacy of [false, true]) {
      const res = await bob.call('GET', 'os-availability-zone', undefined, { legacy });
      expectContract(res, 'availability_zone.list_availability_zone_list');
      expect(res.json().availabilityZoneInfo).toEqual([
        { zoneName: 'az-1', zoneState: { available: true }, hosts: null },
        { zoneName: 'az-2', zoneState: { available: true }, hosts: null },
      ]);
    }
  });

  it('[18.1] shows hosts and services in the detail, to admins only', async () => {
    const res = await admin.call('GET', 'os-availability-zone/detail');
    expectContract(res, 'availability_zone.list_availability_zone_list_detail');
    expect(Object.keys(res.json().availabilityZoneInfo[0].hosts)).toEqual(['cna-az1-001', 'cna-az1-002']);
    expect((await bob.call('GET', 'os-availability-zone/detail')).statusCode).toBe(403);
  });

  it('[18.1] offers the zones to the servers area', () => {
    expect(listAvailabilityZones(app.db).map((z) => z.zoneName)).toEqual(['az-1', 'az-2']);
    expect(zoneExists(app.db, 'az-2')).toBe(true);
    expect(zoneExists(app.db, 'nova')).toBe(false);
  });
});
