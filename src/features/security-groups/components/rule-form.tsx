import { Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/error-alert';
import { useCreateSecurityGroupRule } from '../mutations';
import { EMPTY_RULE, ruleProblems, ruleRequest, type RuleFormValues, type RuleProtocol, type RuleSource } from '../rule-validation';
import type { SecurityGroup } from '../schemas';

interface RuleFormProps {
  group: SecurityGroup;
  /** The project's groups, as sources ("members of group ..."). */
  groups: Array<Pick<SecurityGroup, 'id' | 'name'>>;
}

/** Common services, to fill the ports in one click. */
const PRESETS: Array<{ label: string; protocol: RuleProtocol; from: number; to: number }> = [
  { label: 'SSH', protocol: 'tcp', from: 22, to: 22 },
  { label: 'HTTP', protocol: 'tcp', from: 80, to: 80 },
  { label: 'HTTPS', protocol: 'tcp', from: 443, to: 443 },
  { label: 'RDP', protocol: 'tcp', from: 3389, to: 3389 },
  { label: 'DNS', protocol: 'udp', from: 53, to: 53 },
];

const asText = (value: string | number) => (value === '' ? '' : String(value));

/**
 * Adds an ingress rule (spec 22.7): protocol, port range or ICMP type/code, and a source CIDR
 * or group. The spec's checks run first; what the API still refuses (a duplicate, a range it
 * will not take) is shown here with its own message.
 */
export function RuleForm({ group, groups }: RuleFormProps) {
  const { t } = useTranslation();
  const create = useCreateSecurityGroupRule();
  const form = useForm<RuleFormValues>({
    initialValues: EMPTY_RULE,
    validate: (values) => {
      const problems = ruleProblems(values);
      return Object.fromEntries(Object.entries(problems).map(([field, problem]) => [field, t(problem.key, problem.values)]));
    },
  });
  const icmp = form.values.protocol === 'icmp';
  // the range is checked as it is typed (the two ports together), not only on submit
  const checkPorts = () => {
    form.validateField('fromPort');
    form.validateField('toPort');
  };

  const submit = form.onSubmit((values) =>
    create.mutate(ruleRequest(group.id, values), {
      onSuccess: () => {
        create.reset();
        form.setValues({ fromPort: '', toPort: '' });
      },
    }),
  );

  return (
    <form onSubmit={submit} noValidate aria-label={t('securityGroups.rules.addTitle')}>
      <Stack gap="sm">
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('securityGroups.rules.presets')}
          </Text>
          {PRESETS.map((preset) => (
            <Button
              key={preset.label}
              size="compact-xs"
              variant="default"
              onClick={() => {
                create.reset();
                form.setValues({ protocol: preset.protocol, fromPort: String(preset.from), toPort: String(preset.to) });
              }}
            >
              {preset.label}
            </Button>
          ))}
        </Group>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Stack gap={4}>
            <Text size="sm" fw={500} id="rule-protocol">
              {t('securityGroups.rules.protocol')}
            </Text>
            <SegmentedControl
              aria-labelledby="rule-protocol"
              data={[
                { value: 'tcp', label: 'TCP' },
                { value: 'udp', label: 'UDP' },
                { value: 'icmp', label: 'ICMP' },
              ]}
              value={form.values.protocol}
              onChange={(value) => {
                create.reset();
                form.setFieldValue('protocol', value as RuleProtocol);
                form.clearErrors();
              }}
            />
          </Stack>
          {icmp ? (
            <>
              <NumberInput
                label={t('securityGroups.rules.icmpTypeLabel')}
                description={t('securityGroups.rules.icmpAnyHint')}
                allowDecimal={false}
                w={150}
                {...form.getInputProps('icmpType')}
                onChange={(value) => form.setFieldValue('icmpType', asText(value))}
              />
              <NumberInput
                label={t('securityGroups.rules.icmpCodeLabel')}
                description={t('securityGroups.rules.icmpAnyHint')}
                allowDecimal={false}
                w={150}
                {...form.getInputProps('icmpCode')}
                onChange={(value) => form.setFieldValue('icmpCode', asText(value))}
              />
            </>
          ) : (
            <>
              <NumberInput
                label={t('securityGroups.rules.fromPort')}
                description="1–65535"
                allowDecimal={false}
                w={150}
                {...form.getInputProps('fromPort')}
                onChange={(value) => {
                  const text = asText(value);
                  // a single port: the last port follows the first until it is typed
                  if (form.values.toPort === '' || form.values.toPort === form.values.fromPort) form.setFieldValue('toPort', text);
                  form.setFieldValue('fromPort', text);
                  checkPorts();
                }}
              />
              <NumberInput
                label={t('securityGroups.rules.toPort')}
                description="1–65535"
                allowDecimal={false}
                w={150}
                {...form.getInputProps('toPort')}
                onChange={(value) => {
                  form.setFieldValue('toPort', asText(value));
                  checkPorts();
                }}
              />
            </>
          )}
          <Stack gap={4}>
            <Text size="sm" fw={500} id="rule-source">
              {t('securityGroups.rules.source')}
            </Text>
            <SegmentedControl
              aria-labelledby="rule-source"
              data={[
                { value: 'cidr', label: t('securityGroups.rules.sourceCidr') },
                { value: 'group', label: t('securityGroups.rules.sourceGroup') },
              ]}
              value={form.values.source}
              onChange={(value) => form.setFieldValue('source', value as RuleSource)}
            />
          </Stack>
          {form.values.source === 'cidr' ? (
            <TextInput label={t('securityGroups.rules.cidr')} description={t('securityGroups.rules.cidrHint')} w={220} {...form.getInputProps('cidr')} />
          ) : (
            <Select
              label={t('securityGroups.rules.group')}
              description={t('securityGroups.rules.groupHint')}
              data={groups.map((g) => ({ value: g.id, label: g.name }))}
              searchable
              w={220}
              {...form.getInputProps('groupId')}
              onChange={(value) => form.setFieldValue('groupId', value ?? '')}
            />
          )}
        </Group>
        {create.error && <ErrorAlert error={create.error} />}
        <Group>
          <Button type="submit" leftSection={<IconPlus size={16} />} loading={create.isPending}>
            {t('securityGroups.rules.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
