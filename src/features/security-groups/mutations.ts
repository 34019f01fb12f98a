import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCompute } from '../../lib/compute';
import { invalidateAfterDelete } from '../../lib/invalidate';
import {
  createSecurityGroup,
  createSecurityGroupRule,
  deleteSecurityGroup,
  deleteSecurityGroupRule,
  updateSecurityGroup,
} from './api';
import { securityGroupQueries } from './queries';
import type { CreateRuleRequest, SecurityGroupFields } from './schemas';

export function useCreateSecurityGroup() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fields: SecurityGroupFields) => createSecurityGroup(compute, fields),
    meta: { successMessage: 'securityGroups.create.done', errorNotification: 'never' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityGroupQueries.all() }),
  });
}

export function useUpdateSecurityGroup() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, fields }: { id: string; fields: SecurityGroupFields }) => updateSecurityGroup(compute, id, fields),
    meta: { successMessage: 'securityGroups.edit.done', errorNotification: 'never' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityGroupQueries.all() }),
  });
}

export function useDeleteSecurityGroup() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteSecurityGroup(compute, id),
    meta: { successMessage: 'securityGroups.delete.done' },
    onSuccess: (_data, id) => invalidateAfterDelete(queryClient, securityGroupQueries.all(), id),
  });
}

export function useCreateSecurityGroupRule() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: CreateRuleRequest) => createSecurityGroupRule(compute, rule),
    // the rule form shows the API's refusal (duplicate, bad range) where the rule is typed
    meta: { successMessage: 'securityGroups.rules.added', errorNotification: 'never' },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: securityGroupQueries.all() }),
  });
}

export function useDeleteSecurityGroupRule() {
  const compute = useCompute();
  const queryClient = useQueryClient();
  return useMutation({
    // one row may be several rules (identical-looking ones): deleted one after the other; the
    // first refusal stops there, and the group is read again either way
    mutationFn: async (ids: readonly string[]) => {
      for (const id of ids) await deleteSecurityGroupRule(compute, id);
    },
    meta: { successMessage: 'securityGroups.rules.deleted' },
    onSettled: () => queryClient.invalidateQueries({ queryKey: securityGroupQueries.all() }),
  });
}
