import type { RequestContext } from '../context.ts';
import type { Db } from '../db/database.ts';
import { badRequest, conflict, forbidden, notFound } from '../errors.ts';
import { idFromRef, isoNow } from '../ids.ts';
import { scheduleTick } from '../lifecycle/engine.ts';
import { generatePassword } from '../lifecycle/guest-password.ts';
import { POWER, RULES, checkLock, checkState, type StateRule } from '../lifecycle/states.ts';
import { beginOp, pendingOp, type Op } from '../lifecycle/transitions.ts';
import { getFlavor } from '../repositories/flavors.ts';
import { getImage } from '../repositories/images.ts';
import { getKeypair } from '../repositories/keypairs.ts';
import { quotaLimit } from '../repositories/quotas.ts';
import { addServerSecurityGroup, removeServerSecurityGroup } from '../repositories/security-groups.ts';
import { serverById, serverUsage, updateServer, type ServerRow } from '../repositories/servers.ts';
import type { ViewOptions } from '../views/servers.ts';
import { createServerImage } from './images.ts';
import { enforceQuota } from './quotas.ts';
import { findSecurityGroup } from './security-groups.ts';
import { consoleOutput } from './server-records.ts';
import { basicServer, findServer, recordRequest } from './servers.ts';

// Chapter 5: POST /servers/{id}/action, one action per body key (the arguments' shapes are
// checked by schemas/server-actions.ts before any of this runs).

export interface ActionResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  dueAt?: number;
}

interface Env {
  db: Db;
  o: ViewOptions;
  ctx: RequestContext;
  server: ServerRow;
  // The argument, as its schema lets it through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  arg: any;
  transitionMs: number;
  nowMs: number;
}

/**
 * An action that moves the server into a transition: state and lock checks, action record,
 * first step. `name` is the body key, which the 409 message quotes; the instance action is
 * recorded under Nova's name for it (InstanceActions: 'stop', 'start', 'reboot').
 */
function transition(e: Env, name: string, rule: StateRule, op: Op, event: string, extra: Record<string, unknown> = {}, changes: Partial<ServerRow> = {}) {
  checkLock(e.server, e.ctx.isAdmin);
  checkState(e.server, rule, name);
  const actionId = recordRequest(e.db, e.ctx, e.server.id, name.replace(/^os-/, ''), event);
  return beginOp(e.db, e.server, op, { actionId, from: e.server.vm_state, ...extra }, e.nowMs, e.transitionMs, changes);
}

/** Nova's _check_metadata_properties_quota on a rebuild's or image's metadata. */
function checkMetadataQuota(e: Env, md: Record<string, string>, message: (limit: number) => string): void {
  const limit = quotaLimit(e.db, e.server.project_id, 'metadata_items');
  if (limit >= 0 && Object.keys(md).length > limit) throw forbidden(message(limit));
}

function securityGroupOf(e: Env) {
  checkLock(e.server, e.ctx.isAdmin);
  const name: string = e.arg.name;
  const g = findSecurityGroup(e.db, e.server.project_id, name);
  if (!g) throw notFound(`Security group ${name} not found for project ${e.server.project_id}.`);
  return g;
}

const ACTIONS: Record<string, (e: Env) => ActionResult> = {
  reboot(e) {
    const hard = String(e.arg.type).toUpperCase() === 'HARD';
    const dueAt = transition(e, 'reboot', hard ? RULES.hardReboot : RULES.softReboot, hard ? 'reboot_hard' : 'reboot', 'compute_reboot_instance', {}, { vm_state: 'active' });
    return { status: 202, dueAt };
  },

  'os-stop': (e) => ({ status: 202, dueAt: transition(e, 'os-stop', RULES.stop, 'stop', 'compute_stop_instance') }),

  'os-start': (e) => ({ status: 202, dueAt: transition(e, 'os-start', RULES.start, 'start', 'compute_start_instance') }),

  resize(e) {
    checkLock(e.server, e.ctx.isAdmin);
    checkState(e.server, RULES.resize, 'resize');
    const flavor = getFlavor(e.db, idFromRef(String(e.arg.flavorRef)), { projectId: e.ctx.projectId, isAdmin: e.ctx.isAdmin });
    if (!flavor || flavor.disabled) throw badRequest('Unable to locate requested flavor.');
    if (flavor.id === e.server.flavor_id) throw badRequest('When resizing, instances must change flavor!');
    const current = getFlavor(e.db, e.server.flavor_id);
    // Spec 5.1: the disk may not shrink.
    if (current && flavor.disk < current.disk) throw badRequest('Resizing to a smaller disk flavor is not allowed.');
    const used = serverUsage(e.db, e.server.project_id);
    const deltaCores = Math.max(0, flavor.vcpus - e.server.vcpus);
    const deltaRam = Math.max(0, flavor.ram - e.server.memory_mb);
    enforceQuota(e.db, e.server.project_id, { cores: deltaCores, ram: deltaRam }, used);
    const actionId = recordRequest(e.db, e.ctx, e.server.id, 'resize', 'compute_prep_resize');
    const dueAt = beginOp(
      e.db,
      e.server,
      'resize',
      { actionId, from: e.server.vm_state, newFlavorId: flavor.id },
      e.nowMs,
      e.transitionMs,
      { vcpus: Math.max(flavor.vcpus, e.server.vcpus), memory_mb: Math.max(flavor.ram, e.server.memory_mb), progress: 0 },
    );
    return { status: 202, dueAt };
  },

  confirmResize(e) {
    checkLock(e.server, e.ctx.isAdmin);
    checkState(e.server, RULES.confirmResize, 'confirmResize');
    // Nova's migration is no longer 'finished' once a confirm is under way
    if (pendingOp(e.server) === 'confirm_resize') throw badRequest('Instance has not been resized.');
    const actionId = recordRequest(e.db, e.ctx, e.server.id, 'confirmResize', 'compute_confirm_resize');
    // 204 at once; the compute host confirms afterwards (VERIFY_RESIZE until then), as Nova does
    return { status: 204, dueAt: beginOp(e.db, e.server, 'confirm_resize', { actionId }, e.nowMs, e.transitionMs) };
  },

  revertResize(e) {
    const from = e.server.power_state === POWER.SHUTDOWN ? 'stopped' : 'active';
    checkLock(e.server, e.ctx.isAdmin);
    checkState(e.server, RULES.revertResize, 'revertResize');
    if (pendingOp(e.server) === 'confirm_resize') throw badRequest('Instance has not been resized.');
    const actionId = recordRequest(e.db, e.ctx, e.server.id, 'revertResize', 'compute_revert_resize');
    return { status: 202, dueAt: beginOp(e.db, e.server, 'revert_resize', { actionId, from }, e.nowMs, e.transitionMs) };
  },

  rebuild(e) {
    const body = e.arg;
    const changes: Partial<ServerRow> = {};
    if ('name' in body) changes.name = body.name;
    if ('metadata' in body) {
      checkMetadataQuota(e, body.metadata, (limit) => `Maximum number of metadata items exceeds ${limit}`);
      changes.metadata = JSON.stringify(body.metadata);
    }
    if ('description' in body) changes.description = body.description ?? null;
    if ('accessIPv4' in body) changes.access_ipv4 = body.accessIPv4;
    if ('accessIPv6' in body) changes.access_ipv6 = body.accessIPv6;
    if (body['OS-DCF:diskConfig'] !== undefined) changes.disk_config = body['OS-DCF:diskConfig'];
    const adminPass: string = body.adminPass ?? generatePassword();
    checkLock(e.server, e.ctx.isAdmin);
    checkState(e.server, RULES.rebuild, 'rebuild');
    const image = getImage(e.db, e.server.project_id, idFromRef(body.imageRef));
    if (!image) throw badRequest('Cannot find image for rebuild');
    if (image.status !== 'active') throw badRequest(`Image ${image.id} is not active.`);
    changes.image_id = e.server.image_id === null ? null : image.id;
    const key = e.server.key_name ? getKeypair(e.db, e.server.user_id, e.server.key_name) : undefined;
    const actionId = recordRequest(e.db, e.ctx, e.server.id, 'rebuild', 'compute_rebuild_instance');
    const dueAt = beginOp(
      e.db,
      e.server,
      'rebuild',
      { actionId, from: e.server.vm_state, publicKey: key?.public_key ?? null, password: adminPass },
      e.nowMs,
      e.transitionMs,
      { ...changes, progress: 0, password: '' },
    );
    const view = basicServer(e.db, serverById(e.db, e.server.id), e.o);
    return { status: 202, body: { server: { ...view, adminPass } }, dueAt };
  },

  createImage(e) {
    const metadata: Record<string, string> = e.arg.metadata ?? {};
    checkMetadataQuota(e, metadata, () => 'Image metadata limit exceeded');
    // Spec 5.5: a server in error cannot be captured (Nova: no lock check here).
    checkState(e.server, RULES.createImage, 'createImage');
    const base = e.server.image_id ? getImage(e.db, e.server.project_id, e.server.image_id) : undefined;
    const flavor = getFlavor(e.db, e.server.flavor_id);
    const image = createServerImage(e.db, {
      projectId: e.server.project_id,
      userId: e.ctx.userId,
      serverId: e.server.id,
      name: e.arg.name,
      // Nova copies the base image's properties onto the snapshot, then the request's.
      metadata: { ...(base?.metadata ?? {}), ...(base ? { base_image_ref: base.id } : {}), ...metadata },
      minDisk: Math.max(flavor?.disk ?? 0, base?.min_disk ?? 0),
      minRam: base?.min_ram ?? 0,
      size: base?.size ?? 0,
      diskFormat: base?.disk_format ?? null,
      containerFormat: base?.container_format ?? null,
      dueInMs: e.transitionMs,
    });
    const actionId = recordRequest(e.db, e.ctx, e.server.id, 'createImage', 'compute_snapshot_instance');
    const dueAt = beginOp(e.db, e.server, 'snapshot', { actionId }, e.nowMs, e.transitionMs);
    return {
      status: 202,
      headers: { Location: `${e.ctx.baseUrl}${e.ctx.apiPrefix}/images/${image.id}` },
      dueAt: Math.max(dueAt, e.nowMs + e.transitionMs),
    };
  },

  'os-getConsoleOutput'(e) {
    const raw = e.arg?.length;
    const n = raw === undefined || raw === null ? -1 : Number(raw);
    // Nova's InstanceNotReady: a server no host took has no console.
    if (!e.server.host) throw conflict(`Instance ${e.server.id} is not ready`);
    const lines = consoleOutput(e.db, e.server, e.nowMs);
    const shown = n < 0 ? lines : n === 0 ? [] : lines.slice(-n);
    return { status: 200, body: { output: shown.join('\n') } };
  },

  lock(e) {
    // Nova's locked_by: 'owner' when the server's own project locks it, 'admin' otherwise.
    const by = e.ctx.projectId === e.server.project_id ? 'owner' : 'admin';
    if (!e.server.locked_by) updateServer(e.db, e.server.id, { locked_by: by }, isoNow(e.nowMs));
    recordRequest(e.db, e.ctx, e.server.id, 'lock', undefined, true);
    return { status: 202 };
  },

  unlock(e) {
    const expected = e.ctx.projectId === e.server.project_id ? 'owner' : 'admin';
    if (e.server.locked_by && e.server.locked_by !== expected && !e.ctx.isAdmin) {
      throw forbidden("Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.");
    }
    if (e.server.locked_by) updateServer(e.db, e.server.id, { locked_by: null }, isoNow(e.nowMs));
    recordRequest(e.db, e.ctx, e.server.id, 'unlock', undefined, true);
    return { status: 202 };
  },

  addSecurityGroup(e) {
    const g = securityGroupOf(e);
    if (!addServerSecurityGroup(e.db, e.server.id, g.id)) {
      throw badRequest(`Security group ${g.name} is already associated with the instance ${e.server.id}`);
    }
    recordRequest(e.db, e.ctx, e.server.id, 'addSecurityGroup', undefined, true);
    return { status: 202 };
  },

  removeSecurityGroup(e) {
    const g = securityGroupOf(e);
    if (!removeServerSecurityGroup(e.db, e.server.id, g.id)) {
      throw badRequest(`Security group ${g.name} not associated with the instance ${e.server.id}`);
    }
    recordRequest(e.db, e.ctx, e.server.id, 'removeSecurityGroup', undefined, true);
    return { status: 202 };
  },
};

/** Runs the one action of `body` on the server, in one transaction; wakes the engine for what it began. */
export function runServerAction(db: Db, o: ViewOptions, serverId: string, body: Record<string, unknown>, config: { transitionMs: number }): ActionResult {
  const [name, arg] = Object.entries(body)[0];
  const result = db.transaction(() =>
    ACTIONS[name]({ db, o, ctx: o.ctx, server: findServer(db, o.ctx, serverId), arg, transitionMs: config.transitionMs, nowMs: o.nowMs }),
  )();
  if (result.dueAt !== undefined) scheduleTick(db, result.dueAt);
  return result;
}
