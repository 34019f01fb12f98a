import { z } from 'zod';
import { computeRequest, encodePath, type ComputeTarget } from '../../lib/compute';
import {
  securityGroupListResponseSchema,
  securityGroupResponseSchema,
  securityGroupRuleResponseSchema,
  type CreateRuleRequest,
  type SecurityGroup,
  type SecurityGroupFields,
  type SecurityGroupRule,
} from './schemas';

/** List Security Groups (22.1), with their rules. A proxy API (≤ 2.35 or /v2). */
export async function listSecurityGroups(target: ComputeTarget, signal?: AbortSignal): Promise<SecurityGroup[]> {
  return (await computeRequest(target, { api: 'proxy', path: '/os-security-groups', schema: securityGroupListResponseSchema, signal })).security_groups;
}

/** Show Security Group (22.3). */
export async function getSecurityGroup(target: ComputeTarget, id: string, signal?: AbortSignal): Promise<SecurityGroup> {
  const body = await computeRequest(target, { api: 'proxy', path: encodePath`/os-security-groups/${id}`, schema: securityGroupResponseSchema, signal });
  return body.security_group;
}

/** Create Security Group (22.2). */
export async function createSecurityGroup(target: ComputeTarget, fields: SecurityGroupFields): Promise<SecurityGroup> {
  const body = await computeRequest(target, {
    api: 'proxy',
    method: 'post',
    path: '/os-security-groups',
    data: { security_group: fields },
    schema: securityGroupResponseSchema,
  });
  return body.security_group;
}

/** Update Security Group (22.4): rename and describe; 409 for `default`. */
export async function updateSecurityGroup(target: ComputeTarget, id: string, fields: SecurityGroupFields): Promise<SecurityGroup> {
  const body = await computeRequest(target, {
    api: 'proxy',
    method: 'put',
    path: encodePath`/os-security-groups/${id}`,
    data: { security_group: fields },
    schema: securityGroupResponseSchema,
  });
  return body.security_group;
}

/** Delete Security Group (22.5). */
export async function deleteSecurityGroup(target: ComputeTarget, id: string): Promise<void> {
  await computeRequest(target, { api: 'proxy', method: 'delete', path: encodePath`/os-security-groups/${id}`, schema: z.unknown() });
}

/** Create Security Group Rule (22.7). */
export async function createSecurityGroupRule(target: ComputeTarget, rule: CreateRuleRequest): Promise<SecurityGroupRule> {
  const body = await computeRequest(target, {
    api: 'proxy',
    method: 'post',
    path: '/os-security-group-rules',
    data: { security_group_rule: rule },
    schema: securityGroupRuleResponseSchema,
  });
  return body.security_group_rule;
}

/** Delete Security Group Rule (22.8). */
export async function deleteSecurityGroupRule(target: ComputeTarget, id: string): Promise<void> {
  await computeRequest(target, { api: 'proxy', method: 'delete', path: encodePath`/os-security-group-rules/${id}`, schema: z.unknown() });
}
