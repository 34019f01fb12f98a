import '@mantine/core/styles/DataList.css';
import type { ReactNode } from 'react';
import { ActionIcon, Code, CopyButton, DataList, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './detail-fields.module.css';

export interface DetailField {
  label: string;
  value: ReactNode;
}

/** A resource's attributes as label/value pairs; `false` entries are skipped, empty values show a dash. */
export function DetailFields({ fields, labelWidth = 180 }: { fields: Array<DetailField | false | null | undefined>; labelWidth?: number }) {
  return (
    <DataList withDivider labelWidth={labelWidth} classNames={{ itemValue: classes.value }}>
      {fields
        .filter((field): field is DetailField => Boolean(field))
        .map((field) => (
          <DataList.Item key={field.label}>
            <DataList.ItemLabel>{field.label}</DataList.ItemLabel>
            <DataList.ItemValue>
              {field.value === null || field.value === undefined || field.value === '' ? (
                <Text span c="dimmed">
                  –
                </Text>
              ) : (
                field.value
              )}
            </DataList.ItemValue>
          </DataList.Item>
        ))}
    </DataList>
  );
}

/** An id in monospace with a copy button named after the value (unique on the page). */
export function CopyableId({ value }: { value: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Code>{value}</Code>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')}>
            <ActionIcon size="sm" variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('common.copyValue', { value })}>
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
