import type { FastifyInstance } from 'fastify';
import { findServer, recordRequest, viewOptions, type ServerParams } from '../../compute/access.ts';
import { consoleLog } from '../../views/console-log.ts';
import { beginOp, type Op } from '../../lifecycle/transitions.ts';
import { generatePassword } from '../../lifecycle/guest-password.ts';
import { POWER, RULES, checkLock, checkState } from '../../lifecycle/states.ts';
import {
  checkMetadata,
  checkName,
  envelope,
  idFromRef,
  invalid,
  isObj,
  onlyKeys,
  pyRepr,
  requireKeys,
  str,
  typeError,
  type Obj,
} from '../../compute/validation.ts';
import type { Db } from '../../db/database.ts';
import type { RequestContext } from '../../context.ts';
import { badRequest, conflict, forbidden, notFound } from '../../errors.ts';
import { isoNow } from '../../ids.ts';
import { getFlavor } from '../../repositories/flavors.ts';
import { getImage } from '../../repositories/images.ts';
import { historyOf } from '../../repositories/instance-actions.ts';
import { getKeypair } from '../../repositories/keypairs.ts';
import { portsOfServers } from '../../repositories/ports.ts';
import { quotaLimit } from '../../repositories/quotas.ts';
import { addServerSecurityGroup, removeServerSecurityGroup } from '../../repositories/security-groups.ts';
import { basicView } from '../../repositories/server-view.ts';
import { serverUsage, updateServer, type ServerRow } from '../../repositories/servers.ts';
import { stmt } from '../../db/statements.ts';
import { scheduleTick } from '../../lifecycle/engine.ts';
import { findSecurityGroup } from '../../services/security-groups.ts';
import { createServerImage } from '../../services/images.ts';
import { enforceQuota } from '../../services/quotas.ts';

// Chapter 5: POST /servers/{id}/action, one action per body key.

interface ActionResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  dueAt?: number;
}

interface Env {
  db: Db;
  ctx: RequestContext;
  server: ServerRow;
  arg: unknown;
  transitionMs: number;
  nowMs: number;
}

/**
 * An action that moves the server into a transition: state and lock checks, action record,
 * first step. `name` is the body key, which the 409 message quotes; the instance action is
 * recorded under Nova's name for it (InstanceActions: 'stop', 'start', 'reboot').
 */
function transition(e: Env, name: string, rule: Parameters<typeof checkState>[1], op: Op, event: string, extra: Record<string, unknown> = {}, changes: Partial<ServerRow> = {}) {
  checkLock(e.server, e.ctx.isAdmin);
  checkState(e.server, rule, name);
  const actionId = recordRequest(e.db, e.ctx, e.server.id, name.replace(/^os-/, ''), event);
  return beginOp(e.db, e.server, op, { actionId, from: e.server.vm_state, ...extra }, e.nowMs, e.transitionMs, changes);
}

const nullOrEmpty = (name: string, v: unknown) => {
  if (v !== null && !(isObj(v) && Object.keys(v).length === 0)) throw typeError(name, v, 'null');
};

const ACTIONS: Record<string, (e: Env) => ActionResult> = {
  reboot(e) {
    const body = isObj(e.arg) ? e.arg : (() => { throw typeError('reboot', e.arg, 'object'); })();
    onlyKeys(body, ['type'], 'reboot');
    requireKeys(body, ['type'], 'reboot');
    const type = String(body.type).toUpperCase();
    if (!['SOFT', 'HARD'].includes(type) || typeof body.type !== 'string') {
      throw invalid('type', body.type, `${pyRepr(body.type)} is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']`);
    }
    const hard = type === 'HARD';
    const dueAt = transition(e, 'reboot', hard ? RULES.hardReboot : RULES.softReboot, hard ? 'reboot_hard' : 'reboot', 'compute_reboot_instance', {}, { vm_state: 'active' });
    return { status: 202, dueAt };
  },

  'os-stop'(e) {
    // The spec (5.8) allows {"type": "SOFT"|"HARD"}; Nova takes null. Both are accepted.
    if (e.arg !== null) {
      if (!isObj(e.arg)) throw typeError('os-stop', e.arg, 'null');
      onlyKeys(e.arg, ['type'], 'os-stop');
      const t = e.arg.type;
      if (t !== undefined && !['SOFT', 'HARD'].includes(String(t).toUpperCase())) throw invalid('type', t, `${pyRepr(t)} is not one of ['SOFT', 'HARD']`);
    }
    return { status: 202, dueAt: transition(e, 'os-stop', RULES.stop, 'stop', 'compute_stop_instance') };
  },

  'os-start'(e) {
    nullOrEmpty('os-start', e.arg);
    return { status: 202, dueAt: transition(e, 'os-start', RULES.start, 'start', 'compute_start_instance') };
  },

  resize(e) {
    const body = envelope({ resize: e.arg }, 'resize');
    onlyKeys(body, ['flavorRef', 'OS-DCF:diskConfig'], 'resize');
    requireKeys(body, ['flavorRef'], 'resize');
    const ref = body.flavorRef;
    if ((typeof ref !== 'string' && typeof ref !== 'number') || String(ref) === '') throw typeError('flavorRef', ref, 'string');
    checkLock(e.server, e.ctx.isAdmin);
    checkState(e.server, RULES.resize, 'resize');
    const flavor = getFlavor(e.db, idFromRef(String(ref)), { projectId: e.ctx.projectId, isAdmin: e.ctx.isAdmin });
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
    nullOrEmpty('confirmResize', e.arg);
    checkLock(e.server, e.ctx.isAdmin);
    checkState(e.server, RULES.confirmResize, 'confirmResize');
    const flavor = getFlavor(e.db, e.server.flavor_id);
    const stopped = e.server.power_state === POWER.SHUTDOWN;
    updateServer(
      e.db,
      e.server.id,
      {
        vm_state: stopped ? 'stopped' : 'active',
        task_state: null,
        old_flavor_id: null,
        vcpus: flavor?.vcpus ?? e.server.vcpus,
        memory_mb: flavor?.ram ?? e.server.memory_mb,
      },
      isoNow(e.nowMs),
    );
    recordRequest(e.db, e.ctx, e.server.id, 'confirmResize', 'compute_confirm_resize', true);
    return { status: 204 };
  },

  revertResize(e) {
    nullOrEmpty('revertResize', e.arg);
    const from = e.server.power_state === POWER.SHUTDOWN ? 'stopped' : 'active';
    checkLock(e.server, e.ctx.isAdmin);
    checkState(e.server, RULES.revertResize, 'revertResize');
    const actionId = recordRequest(e.db, e.ctx, e.server.id, 'revertResize', 'compute_revert_resize');
    return { status: 202, dueAt: beginOp(e.db, e.server, 'revert_resize', { actionId, from }, e.nowMs, e.transitionMs) };
  },

  rebuild(e) {
    const body = envelope({ rebuild: e.arg }, 'rebuild');
    const allowed = ['imageRef', 'name', 'adminPass', 'metadata', 'personality', 'OS-DCF:diskConfig', 'accessIPv4', 'accessIPv6', 'preserve_ephemeral'];
    if (e.ctx.mv.atLeast('2.19')) allowed.push('description');
    onlyKeys(body, allowed, 'rebuild');
    requireKeys(body, ['imageRef'], 'rebuild');
    const imageRef = str(body, 'imageRef', { min: 1 })!;
    const changes: Partial<ServerRow> = {};
    if ('name' in body) changes.name = checkName('name', body.name, e.ctx.legacy);
    if ('metadata' in body) {
      const md = checkMetadata('metadata', body.metadata);
      const limit = quotaLimit(e.db, e.server.project_id, 'metadata_items');
      if (limit >= 0 && Object.keys(md).length > limit) throw forbidden(`Maximum number of metadata items exceeds ${limit}`);
      changes.metadata = JSON.stringify(md);
    }
    if ('description' in body) changes.description = str(body, 'description', { max: 255, nullable: true }) ?? null;
    if ('accessIPv4' in body) changes.access_ipv4 = str(body, 'accessIPv4', { format: 'ipv4' }) ?? '';
    if ('accessIPv6' in body) changes.access_ipv6 = str(body, 'accessIPv6', { format: 'ipv6' }) ?? '';
    const disk = body['OS-DCF:diskConfig'];
    if (disk !== undefined) {
      if (disk !== 'AUTO' && disk !== 'MANUAL') throw invalid('OS-DCF:diskConfig', disk, `${pyRepr(disk)} is not one of ['AUTO', 'MANUAL']`);
      changes.disk_config = disk;
    }
    const adminPass = str(body, 'adminPass') ?? generatePassword();
    checkLock(e.server, e.ctx.isAdmin);
    checkState(e.server, RULES.rebuild, 'rebuild');
    const image = getImage(e.db, e.server.project_id, idFromRef(imageRef));
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
    const row = stmt(e.db, 'SELECT * FROM servers WHERE id = ?').get(e.server.id) as ServerRow;
    const view = basicView(e.db, row, { ctx: e.ctx, nowMs: e.nowMs, transitionMs: e.transitionMs });
    return { status: 202, body: { server: { ...view, adminPass } }, dueAt };
  },

  createImage(e) {
    const body = envelope({ createImage: e.arg }, 'createImage');
    onlyKeys(body, ['name', 'metadata'], 'createImage');
    requireKeys(body, ['name'], 'createImage');
    const name = checkName('name', body.name, e.ctx.legacy);
    const metadata = body.metadata === undefined ? {} : checkMetadata('metadata', body.metadata);
    const limit = quotaLimit(e.db, e.server.project_id, 'metadata_items');
    if (limit >= 0 && Object.keys(metadata).length > limit) throw forbidden('Image metadata limit exceeded');
    // Spec 5.5: a server in error cannot be captured (Nova: no lock check here).
    checkState(e.server, RULES.createImage, 'createImage');
    const base = e.server.image_id ? getImage(e.db, e.server.project_id, e.server.image_id) : undefined;
    const flavor = getFlavor(e.db, e.server.flavor_id);
    const image = createServerImage(e.db, {
      projectId: e.server.project_id,
      userId: e.ctx.userId,
      serverId: e.server.id,
      name,
      // Nova copies the base image's properties onto the snapshot, then the request's.
      metadata: { ...(base?.metadata ?? {}), ...(base ? { base_image_ref: base.id } : {}), ...metadata },
      minDisk: Math.max(flavor?.disk ?? 0, base?.min_disk ?? 0),
      minRam: base?.min_ram ?? 0,
      size: base?.size ?? 0,
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
    const body = e.arg === null ? {} : isObj(e.arg) ? e.arg : (() => { throw typeError('os-getConsoleOutput', e.arg, 'object'); })();
    onlyKeys(body, ['length'], 'os-getConsoleOutput');
    let length: number | undefined;
    const raw = body.length;
    if (raw !== undefined && raw !== null) {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < -1) throw invalid('length', raw, `${pyRepr(raw)} is not valid under any of the given schemas`);
      if (n >= 0) length = n;
    }
    // Nova's InstanceNotReady: a server no host took has no console.
    if (!e.server.host) throw conflict(`Instance ${e.server.id} is not ready`);
    const lines = consoleLog({
      server: e.server,
      history: historyOf(e.db, e.server.id),
      flavor: getFlavor(e.db, e.server.flavor_id),
      os: osOf(e.db, e.server),
      addresses: (portsOfServers(e.db, [e.server.id]).get(e.server.id) ?? []).flatMap((p) => p.fixed_ips.map((f) => f.ip_address)),
      nowMs: e.nowMs,
    });
    const shown = length === undefined ? lines : length === 0 ? [] : lines.slice(-length);
    return { status: 200, body: { output: shown.join('\n') } };
  },

  lock(e) {
    if (e.arg !== null && !isObj(e.arg)) throw typeError('lock', e.arg, 'null');
    // Nova's locked_by: 'owner' when the server's own project locks it, 'admin' otherwise.
    const by = e.ctx.projectId === e.server.project_id ? 'owner' : 'admin';
    if (!e.server.locked_by) updateServer(e.db, e.server.id, { locked_by: by }, isoNow(e.nowMs));
    recordRequest(e.db, e.ctx, e.server.id, 'lock', undefined, true);
    return { status: 202 };
  },

  unlock(e) {
    nullOrEmpty('unlock', e.arg);
    const expected = e.ctx.projectId === e.server.project_id ? 'owner' : 'admin';
    if (e.server.locked_by && e.server.locked_by !== expected && !e.ctx.isAdmin) {
      throw forbidden("Policy doesn't allow os_compute_api:os-lock-server:unlock:unlock_override to be performed.");
    }
    if (e.server.locked_by) updateServer(e.db, e.server.id, { locked_by: null }, isoNow(e.nowMs));
    recordRequest(e.db, e.ctx, e.server.id, 'unlock', undefined, true);
    return { status: 202 };
  },

  addSecurityGroup(e) {
    const g = securityGroupArg(e, 'addSecurityGroup');
    if (!addServerSecurityGroup(e.db, e.server.id, g.id)) {
      throw badRequest(`Security group ${g.name} is already associated with the instance ${e.server.id}`);
    }
    recordRequest(e.db, e.ctx, e.server.id, 'addSecurityGroup', undefined, true);
    return { status: 202 };
  },

  removeSecurityGroup(e) {
    const g = securityGroupArg(e, 'removeSecurityGroup');
    if (!removeServerSecurityGroup(e.db, e.server.id, g.id)) {
      throw badRequest(`Security group ${g.name} not associated with the instance ${e.server.id}`);
    }
    recordRequest(e.db, e.ctx, e.server.id, 'removeSecurityGroup', undefined, true);
    return { status: 202 };
  },
};

function securityGroupArg(e: Env, action: string) {
  const body = envelope({ [action]: e.arg }, action);
  onlyKeys(body, ['name'], action);
  requireKeys(body, ['name'], action);
  const name = str(body, 'name', { min: 1, max: 255 })!;
  checkLock(e.server, e.ctx.isAdmin);
  const g = findSecurityGroup(e.db, e.server.project_id, name);
  if (!g) throw notFound(`Security group ${name} not found for project ${e.server.project_id}.`);
  return g;
}

function osOf(db: Db, server: ServerRow): string {
  const image = server.image_id ? getImage(db, server.project_id, server.image_id) : undefined;
  const md = image?.metadata ?? {};
  return [md.__os_version ?? md.os_distro ?? image?.name ?? 'Linux'].join(' ');
}

export default async function serverActionRoutes(app: FastifyInstance) {
  const db = app.db;
  app.post<{ Params: ServerParams }>('/servers/:server_id/action', async (req, reply) => {
    const body = req.body;
    if (!isObj(body)) throw badRequest('Malformed request body');
    const keys = Object.keys(body);
    if (keys.length !== 1) throw badRequest('Malformed request body: too many body keys');
    const name = keys[0];
    const handler = Object.hasOwn(ACTIONS, name) ? ACTIONS[name] : undefined;
    if (!handler) throw badRequest(`There is no such action: ${name}`);
    const result = db.transaction(() => {
      const server = findServer(db, req.ctx, req.params.server_id);
      return handler({ db, ctx: req.ctx, server, arg: (body as Obj)[name], transitionMs: app.cloudConfig.transitionMs, nowMs: viewOptions(app, req).nowMs });
    })();
    if (result.dueAt !== undefined) scheduleTick(db, result.dueAt);
    void reply.code(result.status);
    if (result.headers) void reply.headers(result.headers);
    return result.body === undefined ? reply.send() : result.body;
  });
}
