import { Card, Group, RingProgress, Stack, Text, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface UsageRingProps {
  label: string;
  /** Undefined when the cloud does not report it. */
  used: number | undefined;
  /** -1 means unlimited; undefined when not reported. */
  limit: number | undefined;
  /** Formats amounts (sizes for RAM); plain localized numbers by default. */
  format?: (value: number) => string;
}

function colorFor(percent: number): MantineColor {
  if (percent >= 90) return 'red';
  if (percent >= 70) return 'yellow';
  return 'teal';
}

/** One quota as a ring: used of limit, percentage in the middle. */
export function UsageRing({ label, used, limit, format }: UsageRingProps) {
  const { t, i18n } = useTranslation();
  const show = format ?? ((value: number) => new Intl.NumberFormat(i18n.language).format(value));
  const unlimited = limit === -1;
  const known = used !== undefined && limit !== undefined && !unlimited;
  const percent = known && limit > 0 ? Math.min(100, Math.round((used / limit) * 100)) : 0;

  let summary: string;
  if (used === undefined && limit === undefined) summary = t('usage.notReported');
  else if (used === undefined) summary = t('usage.limitOnly', { limit: unlimited ? t('usage.unlimited') : show(limit ?? 0) });
  else if (unlimited || limit === undefined) summary = t('usage.usedUnlimited', { used: show(used) });
  else summary = t('usage.usedOf', { used: show(used), limit: show(limit) });

  return (
    <Card withBorder padding="md" radius="md">
      <Group wrap="nowrap" gap="md">
        <RingProgress
          size={84}
          thickness={8}
          roundCaps
          sections={known ? [{ value: percent, color: colorFor(percent) }] : []}
          label={
            <Text ta="center" size="sm" fw={700}>
              {known ? `${percent}%` : '–'}
            </Text>
          }
        />
        <Stack gap={2}>
          <Text size="sm" c="dimmed" fw={500}>
            {label}
          </Text>
          <Text fw={600}>{summary}</Text>
        </Stack>
      </Group>
    </Card>
  );
}
