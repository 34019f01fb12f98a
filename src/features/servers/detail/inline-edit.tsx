import { useState, type ReactNode } from 'react';
import { ActionIcon, Button, Collapse, Group, Stack, Textarea, TextInput, Tooltip } from '@mantine/core';
import { IconCode, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ApiRequestPreview } from '../../../components/api-request-preview';
import { ErrorAlert } from '../../../components/error-alert';
import { useCompute } from '../../../lib/compute';
import { describeServerRequest } from '../api';
import type { ServerRequest } from '../requests';
import type { Problem } from '../../../lib/validation';
import { useServerRequest } from '../mutations';

interface InlineEditProps {
  serverId: string;
  /** What is shown while not editing. */
  display: ReactNode;
  value: string;
  /** Accessible name of the field ("Server name"). */
  label: string;
  validate: (value: string) => Problem | null;
  request: (value: string) => ServerRequest;
  multiline?: boolean;
  disabled?: boolean;
}

/**
 * Edit one attribute in place (rename, description): pencil → field with Save / Cancel, the
 * spec's rule checked as one types, the request on demand, the cloud's error inline.
 */
export function InlineEdit({ serverId, display, value, label, validate, request, multiline, disabled }: InlineEditProps) {
  const { t } = useTranslation();
  const compute = useCompute();
  const [draft, setDraft] = useState<string | null>(null);
  const [showRequest, setShowRequest] = useState(false);
  const mutation = useServerRequest(serverId);

  if (draft === null) {
    return (
      <Group gap={6} wrap="nowrap" align="center">
        {display}
        <Tooltip label={t('server-detail.inline.edit', { field: label })}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('server-detail.inline.edit', { field: label })}
            disabled={disabled}
            onClick={() => {
              mutation.reset();
              setDraft(value);
            }}
          >
            <IconPencil size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
    );
  }

  const problem = validate(draft);
  const error = problem ? t(problem.key, problem.values) : undefined;
  const save = async () => {
    if (problem) return;
    try {
      await mutation.mutateAsync(request(draft));
      setDraft(null);
    } catch {
      // shown below
    }
  };
  const fieldProps = {
    'aria-label': label,
    value: draft,
    error,
    autoFocus: true,
    onKeyDown: (event: React.KeyboardEvent) => {
      if (event.key === 'Escape') setDraft(null);
    },
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Stack gap="xs" maw={640}>
        {multiline ? (
          <Textarea {...fieldProps} autosize minRows={2} onChange={(event) => setDraft(event.currentTarget.value)} />
        ) : (
          <TextInput {...fieldProps} onChange={(event) => setDraft(event.currentTarget.value)} />
        )}
        <Group gap="xs">
          <Button type="submit" size="xs" disabled={Boolean(problem) || draft === value} loading={mutation.isPending}>
            {t('server-detail.inline.save')}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDraft(null)}>
            {t('common.cancel')}
          </Button>
          <Tooltip label={t('server-detail.dialog.showRequest')}>
            <ActionIcon
              variant={showRequest ? 'light' : 'subtle'}
              color="gray"
              aria-label={t('server-detail.dialog.showRequest')}
              aria-pressed={showRequest}
              onClick={() => setShowRequest((shown) => !shown)}
            >
              <IconCode size={16} />
            </ActionIcon>
          </Tooltip>
        </Group>
        <Collapse expanded={showRequest}>
          {showRequest && <ApiRequestPreview {...describeServerRequest(compute, request(draft))} />}
        </Collapse>
        {mutation.error && <ErrorAlert error={mutation.error} />}
      </Stack>
    </form>
  );
}
