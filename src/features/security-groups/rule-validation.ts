import type { CreateRuleRequest, SecurityGroup, SecurityGroupFields } from './schemas';
import { DEFAULT_GROUP } from './schemas';

/**
 * The rule editor's checks (spec 22.7, table 22-13), before anything is sent, with the
 * API's own wording where it has one. Problems are i18n keys with their values.
 */
export interface Problem {
  key: string;
  values?: Record<string, string | number>;
}

export type RuleProtocol = 'tcp' | 'udp' | 'icmp';
export type RuleSource = 'cidr' | 'group';

export interface RuleFormValues {
  protocol: RuleProtocol;
  /** TCP/UDP: first and last port. */
  fromPort: string;
  toPort: string;
  /** ICMP: type and code, -1 for any. */
  icmpType: string;
  icmpCode: string;
  source: RuleSource;
  cidr: string;
  groupId: string;
}

export const EMPTY_RULE: RuleFormValues = {
  protocol: 'tcp',
  fromPort: '',
  toPort: '',
  icmpType: '-1',
  icmpCode: '-1',
  source: 'cidr',
  cidr: '0.0.0.0/0',
  groupId: '',
};

const INTEGER = /^\s*-?\d+\s*$/;

function ipv4(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}

function ipv6(address: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(address) || address.includes(':::') || address.split('::').length > 2) return false;
  const groups = address.split(':');
  const tailV4 = groups.length > 0 && groups[groups.length - 1].includes('.');
  if (tailV4 && !ipv4(groups[groups.length - 1])) return false;
  const hextets = groups.filter((g) => g !== '' && !g.includes('.')).length + (tailV4 ? 2 : 0);
  if (!groups.every((g) => g === '' || g.includes('.') || /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return address.includes('::') ? hextets < 8 : hextets === 8;
}

/** `192.168.0.0/24` or `2001:db8::/32`, as Nova's parse_cidr takes it. */
export function cidrProblem(cidr: string): Problem | null {
  const text = cidr.trim();
  if (!text) return { key: 'securityGroups.validation.cidrRequired' };
  const [address, prefix, ...rest] = text.split('/');
  const v4 = ipv4(address);
  const v6 = !v4 && ipv6(address);
  const max = v6 ? 128 : 32;
  if (rest.length || (!v4 && !v6) || prefix === undefined || !/^\d{1,3}$/.test(prefix) || Number(prefix) > max) {
    return { key: 'securityGroups.validation.cidr', values: { cidr: text } };
  }
  return null;
}

function portNumber(value: string): number | null {
  return INTEGER.test(value) ? Number(value) : null;
}

/** Problems by field name; empty when the rule can be sent. */
export function ruleProblems(values: RuleFormValues): Partial<Record<keyof RuleFormValues, Problem>> {
  const problems: Partial<Record<keyof RuleFormValues, Problem>> = {};
  if (values.protocol === 'icmp') {
    const type = portNumber(values.icmpType);
    const code = portNumber(values.icmpCode);
    if (type === null) problems.icmpType = { key: 'securityGroups.validation.icmpInteger' };
    else if (type < -1 || type > 255) problems.icmpType = { key: 'securityGroups.validation.icmpRange', values: { type, code: values.icmpCode } };
    if (code === null) problems.icmpCode = { key: 'securityGroups.validation.icmpInteger' };
    else if (code < -1 || code > 255) problems.icmpCode = { key: 'securityGroups.validation.icmpRange', values: { type: values.icmpType, code } };
    else if (type === -1 && code !== -1) problems.icmpCode = { key: 'securityGroups.validation.icmpCodeWithoutType', values: { code } };
  } else {
    const from = portNumber(values.fromPort);
    const to = portNumber(values.toPort);
    const protocol = values.protocol.toUpperCase();
    if (from === null) problems.fromPort = { key: 'securityGroups.validation.portInteger' };
    if (to === null) problems.toPort = { key: 'securityGroups.validation.portInteger' };
    if (from !== null && to !== null) {
      if (from > to) problems.toPort = { key: 'securityGroups.validation.portOrder', values: { from, to } };
      else if (from < 1 || from > 65535) problems.fromPort = { key: 'securityGroups.validation.portRange', values: { from, to, protocol } };
      else if (to < 1 || to > 65535) problems.toPort = { key: 'securityGroups.validation.portRange', values: { from, to, protocol } };
    }
  }
  if (values.source === 'cidr') {
    const problem = cidrProblem(values.cidr);
    if (problem) problems.cidr = problem;
  } else if (!values.groupId) {
    problems.groupId = { key: 'securityGroups.validation.groupRequired' };
  }
  return problems;
}

/** The body of spec 22.7 for a valid form. */
export function ruleRequest(parentGroupId: string, values: RuleFormValues): CreateRuleRequest {
  const icmp = values.protocol === 'icmp';
  return {
    parent_group_id: parentGroupId,
    ip_protocol: values.protocol,
    from_port: Number(icmp ? values.icmpType : values.fromPort),
    to_port: Number(icmp ? values.icmpCode : values.toPort),
    ...(values.source === 'cidr' ? { cidr: values.cidr.trim() } : { group_id: values.groupId }),
  };
}

/** Create and rename (spec 22.2, 22.4): a name of 1–255 characters, not `default`; a description of at most 255. */
export function groupFieldProblems(values: SecurityGroupFields, current?: Pick<SecurityGroup, 'name'>): Partial<Record<keyof SecurityGroupFields, string>> {
  const problems: Partial<Record<keyof SecurityGroupFields, string>> = {};
  const name = values.name.trim();
  if (!name) problems.name = 'securityGroups.validation.nameRequired';
  else if (name.length > 255) problems.name = 'securityGroups.validation.nameTooLong';
  else if (name === DEFAULT_GROUP && current?.name !== DEFAULT_GROUP) problems.name = 'securityGroups.validation.nameDefault';
  if (values.description.length > 255) problems.description = 'securityGroups.validation.descriptionTooLong';
  return problems;
}
