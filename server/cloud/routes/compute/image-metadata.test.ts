import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setQuota } from '../../repositories/quotas.ts';
import { expectContract } from '../../test/contract.ts';
import { login, makeCloud, type Session } from '../../test/harness.ts';

// Writes of an image's metadata through the compute API's image proxy: Nova serves them
// (image_metadata.py) though the spec's chapter 7 only reads the metadata. Answers and
// messages as Nova Zed gives them.

let app: FastifyInstance;
let alice: Session;
let bob: Session;
let admin: Session;
beforeAll(async () => {
  app = await makeCloud();
  [alice, bob, admin] = await Promise.all([login(app, 'alice'), login(app, 'bob'), login(app, 'admin')]);
});
afterAll(() => app.close());

type Image = { id: string; name: string; metadata: Record<string, string> };
const image = async (s: Session, name: string) => ((await s.call('GET', 'images/detail')).json().images as Image[]).find((i) => i.name === name)!;
const metadataOf = async (s: Session, id: string) => (await s.call('GET', `images/${id}/metadata`)).json().metadata as Record<string, string>;
const NO_IMAGE = '00000000-0000-4000-8000-000000000000';

describe('image metadata writes (Nova\'s image proxy, beyond chapter 7)', () => {
  it('[7.4] merges (POST), replaces (PUT), sets one item and deletes one item of an own image', async () => {
    const golden = await image(alice, 'alpha-nginx-golden');
    const merged = await alice.call('POST', `images/${golden.id}/metadata`, { metadata: { tier: 'web', owner: 'ops' } });
    expectContract(merged, 'images.image_metadata');
    expect(merged.json()).toEqual({ metadata: { ...golden.metadata, tier: 'web', owner: 'ops' } });
    expect(await metadataOf(alice, golden.id)).toEqual(merged.json().metadata);

    const replaced = await alice.call('PUT', `images/${golden.id}/metadata`, { metadata: { only: 'this' } });
    expectContract(replaced, 'images.image_metadata');
    expect(replaced.json()).toEqual({ metadata: { only: 'this' } });

    const item = await alice.call('PUT', `images/${golden.id}/metadata/kernel`, { meta: { kernel: '6.1' } }, { legacy: true });
    expectContract(item, 'images.image_meta_item');
    expect(item.json()).toEqual({ meta: { kernel: '6.1' } });
    expect(await metadataOf(alice, golden.id)).toEqual({ only: 'this', kernel: '6.1' });

    const gone = await alice.call('DELETE', `images/${golden.id}/metadata/only`);
    expectContract(gone, 'images.delete');
    expect(await metadataOf(alice, golden.id)).toEqual({ kernel: '6.1' });
    const missing = await alice.call('DELETE', `images/${golden.id}/metadata/only`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().itemNotFound.message).toBe('Invalid metadata key');
  });

  it('[7.4] refuses what Nova refuses, in its words and order', async () => {
    const golden = await image(alice, 'alpha-nginx-golden');
    const message = async (res: Promise<{ statusCode: number; json: () => Record<string, { message: string }> }>, status: number) => {
      const r = await res;
      expect(r.statusCode).toBe(status);
      return Object.values(r.json())[0].message;
    };
    // The URL's key is checked first, even for an image that does not exist.
    expect(await message(alice.call('PUT', `images/${NO_IMAGE}/metadata/a`, { meta: { b: '1' } }), 400)).toBe('Request body and URI mismatch');
    expect(await message(alice.call('POST', `images/${NO_IMAGE}/metadata`, { metadata: { a: '1' } }), 404)).toBe('Image not found.');
    expect(await message(alice.call('DELETE', `images/${NO_IMAGE}/metadata/a`), 404)).toBe('Image not found.');
    // Another project's image is not found.
    expect(await message(bob.call('PUT', `images/${golden.id}/metadata`, { metadata: {} }), 404)).toBe('Image not found.');
    expect(await message(alice.call('POST', `images/${golden.id}/metadata`, { metadata: { b: 2 } }), 400)).toBe(
      "Invalid input for field/attribute b. Value: 2. 2 is not of type 'string'",
    );
    expect(await message(alice.call('PUT', `images/${golden.id}/metadata/a`, { meta: { a: '1', b: '2' } }), 400)).toBe(
      "Invalid input for field/attribute meta. Value: {'a': '1', 'b': '2'}. {'a': '1', 'b': '2'} has too many properties",
    );
    expect(await message(alice.call('POST', `images/${golden.id}/metadata`, {}), 400)).toBe("'metadata' is a required property");

    // A public image belongs to the cloud: a member may not write it; the quota is checked first.
    const centos = await image(bob, 'CentOS 7.9 64bit');
    const notYours = `Not authorized for image ${centos.id}.`;
    expect(await message(bob.call('POST', `images/${centos.id}/metadata`, { metadata: { a: '1' } }), 403)).toBe(notYours);
    expect(await message(bob.call('PUT', `images/${centos.id}/metadata/a`, { meta: { a: '1' } }), 403)).toBe(notYours);
    expect(await message(bob.call('DELETE', `images/${centos.id}/metadata/__os_type`), 403)).toBe(notYours);
    expect(await message(bob.call('DELETE', `images/${centos.id}/metadata/not-there`), 404)).toBe('Invalid metadata key');
    const tooMany = Object.fromEntries(Array.from({ length: 129 }, (_, i) => [`k${i}`, 'v']));
    expect(await message(bob.call('PUT', `images/${centos.id}/metadata`, { metadata: tooMany }), 403)).toBe('Image metadata limit exceeded');
    expect(await metadataOf(bob, centos.id)).toEqual(centos.metadata);
    // An admin may.
    const set = await admin.call('PUT', `images/${centos.id}/metadata/hw_disk_bus`, { meta: { hw_disk_bus: 'virtio' } });
    expect(set.statusCode).toBe(200);
    expect(await metadataOf(bob, centos.id)).toEqual({ ...centos.metadata, hw_disk_bus: 'virtio' });
  });

  it('[7.4] counts the result against the caller\'s metadata_items quota', async () => {
    const golden = await image(alice, 'alpha-nginx-golden');
    await alice.call('PUT', `images/${golden.id}/metadata`, { metadata: { a: '1', b: '2' } });
    setQuota(app.db, alice.projectId, 'metadata_items', 3);
    try {
      expect((await alice.call('PUT', `images/${golden.id}/metadata/c`, { meta: { c: '3' } })).statusCode).toBe(200);
      const over = await alice.call('POST', `images/${golden.id}/metadata`, { metadata: { d: '4' } });
      expect(over.statusCode).toBe(403);
      expect(over.json().forbidden.message).toBe('Image metadata limit exceeded');
      // Replacing an existing key does not add one.
      expect((await alice.call('POST', `images/${golden.id}/metadata`, { metadata: { a: 'x' } })).statusCode).toBe(200);
      expect(await metadataOf(alice, golden.id)).toEqual({ a: 'x', b: '2', c: '3' });
    } finally {
      setQuota(app.db, alice.projectId, 'metadata_items', 128);
    }
  });
});
