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
    const refused = await bob.call('GET', 'os-availability-zone/detail');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().forbidden.message).toBe("Policy doesn't allow os_compute_api:os-availability-zone:detail to be performed.");
  });

  it('[18.1] lists Nova’s internal zone of control services in the detail, with each service’s last report', async () => {
    const zones = (await admin.call('GET', 'os-availability-zone/detail')).json().availabilityZoneInfo;
    // zones by name, as Nova sorts them; the internal one only here, never in the summary
    expect(zones.map((z: { zoneName: string }) => z.zoneName)).toEqual(['az-1', 'az-2', 'internal']);
    const internal = zones[2].hosts;
    const [host] = Object.keys(internal);
    expect(Object.keys(internal[host]).sort()).toEqual(['nova-conductor', 'nova-scheduler']);
    // a heartbeat in Nova's time format, within the last report interval
    const compute = zones[0].hosts['cna-az1-001']['nova-compute'];
    expect(compute).toMatchObject({ available: true, active: true });
    expect(compute.updated_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(Date.now() - Date.parse(`${compute.updated_at}Z`)).toBeLessThan(11_000);
    const summary = (await admin.call('GET', 'os-availability-zone')).json().availabilityZoneInfo;
    expect(summary.map((z: { zoneName: string }) => z.zoneName)).toEqual(['az-1', 'az-2']);
  });

  it('[18.1] offers the zones to the servers area', () => {
    expect(listAvailabilityZones(app.db).map((z) => z.zoneName)).toEqual(['az-1', 'az-2']);
    expect(zoneExists(app.db, 'az-2')).toBe(true);
    expect(zoneExists(app.db, 'nova')).toBe(false);
  });
});
