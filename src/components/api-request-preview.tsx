import { ActionIcon, Badge, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './api-request-preview.module.css';

export interface ApiRequestDescription {
  method: string;
  /** Path as the cloud sees it, e.g. `/v2.1/{project_id}/servers/{id}/action`. */
  path: string;
  body?: unknown;
  /** Headers worth showing (microversion). */
  headers?: Record<string, string>;
  /** The equivalent `openstack` CLI command, when there is one. */
  cli?: string;
}

function CopyIcon({ value, label }: { value: string; label: string }) {
  const { t } = useTranslation();
  return (
    <CopyButton value={value} timeout={1500}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
          <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={label}>
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** Shows the exact request an action will send, and its CLI equivalent, to copy. */
export function ApiRequestPreview({ method, path, body, headers, cli }: ApiRequestDescription) {
  const { t } = useTranslation();
  const headerLines = Object.entries(headers ?? {}).map(([name, value]) => `${name}: ${value}`);
  const request = [`${method.toUpperCase()} ${path}`, ...headerLines].join('\n');
  const json = body === undefined ? '' : JSON.stringify(body, null, 2);
  return (
    <Stack gap="xs" role="group" aria-label={t('apiPreview.label')}>
      <Group justify="space-between" wrap="nowrap">
        <Group gap="xs" wrap="nowrap" className={classes.request}>
          <Badge variant="outline" className={classes.method}>
            {method.toUpperCase()}
          </Badge>
          <Code className={classes.path}>{path}</Code>
        </Group>
        <CopyIcon value={json ? `${request}\n\n${json}` : request} label={t('apiPreview.copyRequest')} />
      </Group>
      {headerLines.length > 0 && <Code block className={classes.block} tabIndex={0}>{headerLines.join('\n')}</Code>}
      {json && <Code block className={classes.block} tabIndex={0}>{json}</Code>}
      {cli && (
        <>
          <Group justify="space-between" wrap="nowrap">
            <Text size="sm" fw={500}>
              {t('apiPreview.cli')}
            </Text>
            <CopyIcon value={cli} label={t('apiPreview.copyCli')} />
          </Group>
          <Code block className={classes.block} tabIndex={0}>
            {cli}
          </Code>
        </>
      )}
    </Stack>
  );
}
