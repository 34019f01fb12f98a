import { isIP } from 'node:net';
import type { Db } from '../db/database.ts';
import { badRequest, notFound, quotaExceeded } from '../errors.ts';
import { intToIp, parseCidr } from '../ipv4.ts';
import { quotaLimit } from '../repositories/quotas.ts';
import {
  countIngressRules,
  deleteRule,
  getSecurityGroup,
  insertRule,
  projectHasIngressRule,
  rulesOf,
  sameRule,
  type RuleValues,
  type SecurityGroupRule,
} from '../repositories/security-groups.ts';
import { validateSecurityGroupId } from './security-groups.ts';

// Sections 22.7 and 22.8: ingress rules, with Nova's and Neutron's checks (Nova has no
// request schema for them: these are its own checks, in its order).

/** The raw fields of an os-security-group-rules request; types are checked here as Nova does. */
export interface RuleRequest {
  parent_group_id?: unknown;
  ip_protocol?: unknown;
  from_port?: unknown;
  to_port?: unknown;
  cidr?: unknown;
  group_id?: unknown;
}

const isBlank = (v: unknown) => v === undefined || v === null;

/** Nova's parse_cidr: empty means 0.0.0.0/0; anything else must be an IPv4 or IPv6 network. */
function parseRuleCidr(cidr: unknown): { cidr: string; ethertype: 'IPv4' | 'IPv6' } {
  if (isBlank(cidr) || cidr === '') return { cidr: '0.0.0.0/0', ethertype: 'IPv4' };
  const text = typeof cidr === 'string' ? decodeURIComponent(cidr) : String(cidr);
  const [addr, prefix, ...rest] = text.split('/');
  const version = isIP(addr ?? '');
  const max = version === 6 ? 128 : 32;
  if (rest.length || !version || prefix === undefined || !/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    throw badRequest(`${text} is not a valid IP network.`);
  }
  if (Number(prefix) === 0 && addr !== '0.0.0.0' && addr !== '::') throw badRequest(`Bad prefix for network in cidr ${text}`);
  if (version === 4) {
    // Neutron stores the network address: 10.0.0.7/24 is 10.0.0.0/24.
    const c = parseCidr(text)!;
    return { cidr: `${intToIp(c.network)}/${c.prefix}`, ethertype: 'IPv4' };
  }
  return { cidr: text.toLowerCase(), ethertype: 'IPv6' };
}

const toPort = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\s*[-+]?\d+\s*$/.test(v)) return Number(v);
  return undefined;
};

/**
 * Nova's _new_ingress_rule: a rule from a source group may omit protocol and ports
 * (everything from that group); a CIDR rule needs a protocol and both ports. TCP/UDP ports
 * are 1–65535 with from ≤ to; ICMP type and code are -1..255 (-1 meaning any).
 */
function ruleValues(r: RuleRequest, groupId: string | null): RuleValues {
  let from = r.from_port;
  let to = r.to_port;
  const proto = isBlank(r.ip_protocol) ? null : String(r.ip_protocol);
  const upper = proto?.toUpperCase() ?? '';
  let cidr: { cidr: string; ethertype: 'IPv4' | 'IPv6' } | null = null;
  if (groupId) {
    if (upper === 'ICMP' && isBlank(from) && isBlank(to)) [from, to] = [-1, -1];
    else if ((upper === 'TCP' || upper === 'UDP') && isBlank(from) && isBlank(to)) [from, to] = [1, 65535];
  } else {
    cidr = parseRuleCidr(r.cidr);
  }
  const base = { direction: 'ingress' as const, ethertype: cidr?.ethertype ?? ('IPv4' as const), cidr: cidr?.cidr ?? null, remote_group_id: groupId };
  if (proto && !isBlank(from) && !isBlank(to)) {
    const f = toPort(from);
    const t = toPort(to);
    if (f === undefined || t === undefined) {
      throw badRequest(
        `Invalid input received: ${upper === 'ICMP' ? 'Type and Code must be integers for ICMP protocol type' : 'To and From ports must be integers'}`,
      );
    }
    if (!['TCP', 'UDP', 'ICMP'].includes(upper)) throw badRequest(`Invalid IP protocol ${proto}.`);
    if (upper !== 'ICMP' && f > t) throw badRequest(`Invalid port range ${f}:${t}. Former value cannot be greater than the later`);
    if (upper !== 'ICMP' && (f < 1 || t > 65535)) {
      throw badRequest(`Invalid port range ${f}:${t}. Valid ${upper} ports should be between 1-65535`);
    }
    if (upper === 'ICMP' && (f < -1 || f > 255 || t < -1 || t > 255)) {
      throw badRequest(`Invalid port range ${f}:${t}. For ICMP, the type:code must be valid`);
    }
    // Neutron's own check: an ICMP code needs a type.
    if (upper === 'ICMP' && f === -1 && t !== -1) {
      throw badRequest(`ICMP code (port-range-max) ${t} is provided but ICMP type (port-range-min) is missing.`);
    }
    // Nova sends -1 for "any ICMP type/code"; Neutron stores that as no port range.
    const icmpAny = upper === 'ICMP' && f === -1;
    return {
      ...base,
      protocol: proto.toLowerCase(),
      from_port: icmpAny ? null : f,
      to_port: icmpAny || (upper === 'ICMP' && t === -1) ? null : t,
    };
  }
  if (!groupId) throw badRequest('Not enough parameters to build a valid rule.');
  // Nova drops a protocol that comes without both ports: the rule admits all traffic from the group.
  return { ...base, protocol: null, from_port: null, to_port: null };
}

/** Creates an ingress rule after Nova's and Neutron's checks (section 22.7). */
export function createSecurityGroupRule(db: Db, projectId: string, r: RuleRequest): SecurityGroupRule {
  const parentId = validateSecurityGroupId(r.parent_group_id);
  return db.transaction(() => {
    const parent = getSecurityGroup(db, projectId, parentId);
    if (!parent) throw notFound(`Security group ${parentId} does not exist`);
    let groupId: string | null = null;
    if (!isBlank(r.group_id)) {
      groupId = validateSecurityGroupId(r.group_id);
      if (!getSecurityGroup(db, projectId, groupId)) throw notFound(`Security group ${groupId} does not exist`);
    }
    const v = ruleValues(r, groupId);
    const duplicate = sameRule(db, parentId, v);
    // Neutron answers 409 (and Nova 403); the spec lists 400 "This rule already exists", as nova-network said it.
    if (duplicate) throw badRequest(`This rule already exists in group ${parentId}`);
    const limit = quotaLimit(db, projectId, 'security_group_rules');
    const count = countIngressRules(db, parentId);
    // Nova's security_group_rules quota counts the rules of one group.
    if (limit >= 0 && count + 1 > limit) throw quotaExceeded('Quota exceeded, too many security group rules.');
    const id = insertRule(db, parentId, v);
    return rulesOf(db, [parentId]).get(parentId)!.find((x) => x.id === id)!;
  })();
}

/** Deletes a rule of one of the project's groups (section 22.8). */
export function deleteSecurityGroupRule(db: Db, projectId: string, ruleId: string): void {
  validateSecurityGroupId(ruleId);
  db.transaction(() => {
    if (!projectHasIngressRule(db, projectId, ruleId)) throw notFound(`Security group rule ${ruleId} does not exist`);
    deleteRule(db, ruleId);
  })();
}
