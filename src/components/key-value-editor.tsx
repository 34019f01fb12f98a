import { ActionIcon, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export interface KeyValueRow {
  key: string;
  value: string;
}

export interface KeyValueLimits {
  /** Nova's metadata limits: keys and values of 1–255 characters, `maxServerMeta` items. */
  maxKeyLength?: number;
  maxValueLength?: number;
  maxItems?: number;
}

export function rowsFromRecord(record: Record<string, string>): KeyValueRow[] {
  return Object.entries(record).map(([key, value]) => ({ key, value }));
}

export function recordFromRows(rows: readonly KeyValueRow[]): Record<string, string> {
  return Object.fromEntries(rows.filter((row) => row.key.trim()).map((row) => [row.key.trim(), row.value]));
}

/** i18n keys of the problems of each row (`undefined` when fine), checked before anything is sent. */
export function validateKeyValueRows(rows: readonly KeyValueRow[], limits: KeyValueLimits = {}) {
  const { maxKeyLength = 255, maxValueLength = 255 } = limits;
  const seen = new Set<string>();
  return rows.map((row) => {
    const key = row.key.trim();
    let keyError: string | undefined;
    if (!key) keyError = 'keyValue.keyRequired';
    else if (key.length > maxKeyLength) keyError = 'keyValue.keyTooLong';
    else if (seen.has(key)) keyError = 'keyValue.duplicate';
    seen.add(key);
    const valueError = row.value.length > maxValueLength ? 'keyValue.valueTooLong' : undefined;
    return { key: keyError, value: valueError };
  });
}

interface KeyValueEditorProps extends KeyValueLimits {
  label: string;
  /** What the rows are, in their controls' names ("Metadata key 1"); the label by default. */
  name?: string;
  value: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  disabled?: boolean;
}

/** Editable key/value pairs (metadata); controlled, validates as one types. */
export function KeyValueEditor({ label, name = label, value, onChange, disabled, ...limits }: KeyValueEditorProps) {
  const { t } = useTranslation();
  const errors = validateKeyValueRows(value, limits);
  const maxKey = limits.maxKeyLength ?? 255;
  const maxValue = limits.maxValueLength ?? 255;
  const full = limits.maxItems !== undefined && value.length >= limits.maxItems;
  const update = (index: number, patch: Partial<KeyValueRow>) =>
    onChange(value.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  return (
    <Stack gap="xs" role="group" aria-label={label}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('keyValue.empty')}
        </Text>
      )}
      {value.map((row, index) => (
        <Group key={index} align="flex-start" wrap="nowrap" gap="xs">
          <TextInput
            aria-label={t('keyValue.keyLabel', { label: name, index: index + 1 })}
            placeholder={t('keyValue.key')}
            value={row.key}
            disabled={disabled}
            error={errors[index]?.key && t(errors[index].key, { max: maxKey })}
            onChange={(event) => update(index, { key: event.currentTarget.value })}
            flex={1}
          />
          <TextInput
            aria-label={t('keyValue.valueLabel', { label: name, index: index + 1 })}
            placeholder={t('keyValue.value')}
            value={row.value}
            disabled={disabled}
            error={errors[index]?.value && t(errors[index].value, { max: maxValue })}
            onChange={(event) => update(index, { value: event.currentTarget.value })}
            flex={2}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            mt={6}
            disabled={disabled}
            aria-label={t('keyValue.remove', { label: name, index: index + 1 })}
            onClick={() => onChange(value.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="light"
          size="xs"
          leftSection={<IconPlus size={14} />}
          disabled={disabled || full}
          onClick={() => onChange([...value, { key: '', value: '' }])}
          // two editors can share a form (metadata, scheduler hints): the name says which
          aria-label={t('keyValue.addTo', { label: name })}
        >
          {t('keyValue.add')}
        </Button>
        {limits.maxItems !== undefined && (
          <Text size="xs" c="dimmed">
            {t('keyValue.count', { used: value.length, max: limits.maxItems })}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
