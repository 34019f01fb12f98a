import { useEffect, useState, type ReactNode } from 'react';
import { Button, Collapse, Group, Modal, Stack, Switch } from '@mantine/core';
import { IconCode } from '@tabler/icons-react';
import type { QueryKey } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiRequestPreview } from '../../../../components/api-request-preview';
import { ErrorAlert } from '../../../../components/error-alert';
import { useCompute } from '../../../../lib/compute';
import { describeServerRequest } from '../../api';
import type { ServerRequest } from '../../requests';
import { useServerRequest } from '../../mutations';

export interface ActionDialogProps {
  opened: boolean;
  onClose: () => void;
  serverId: string;
  title: ReactNode;
  /** The form or the explanation. */
  children?: ReactNode;
  /** What the dialog will send; null while the form is not valid (submit disabled). */
  request: ServerRequest | null;
  submitLabel: string;
  danger?: boolean;
  alsoInvalidate?: QueryKey[];
  /**
   * Runs once the cloud accepted the request, with its answer. Return `'stay'` to keep the
   * dialog open (it then shows what `children` renders for the result).
   */
  onSuccess?: (result: unknown) => void | 'stay';
  size?: string;
  /** The action is done and the dialog shows its outcome: only a Close button remains. */
  done?: boolean;
}

/**
 * Every action of the detail page goes through this dialog: the form, the exact API request
 * and its CLI equivalent (on demand), the cloud's error with its request id, and a submit
 * that is disabled while the form is invalid or the request runs.
 */
export function ActionDialog({
  opened,
  onClose,
  serverId,
  title,
  children,
  request,
  submitLabel,
  danger,
  alsoInvalidate,
  onSuccess,
  size = 'lg',
  done = false,
}: ActionDialogProps) {
  const { t } = useTranslation();
  const compute = useCompute();
  const [showRequest, setShowRequest] = useState(false);
  const mutation = useServerRequest(serverId, { alsoInvalidate });
  const { reset } = mutation;

  // a dialog opened again starts clean
  useEffect(() => {
    if (opened) reset();
  }, [opened, reset]);

  const submit = async () => {
    if (!request) return;
    try {
      const result = await mutation.mutateAsync(request);
      if (onSuccess?.(result) !== 'stay') onClose();
    } catch {
      // shown below, with the cloud's message and request id
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="md">
          {children}
          {mutation.error && <ErrorAlert error={mutation.error} />}
          {!done && (
            <>
          <Switch
            checked={showRequest}
            onChange={(event) => setShowRequest(event.currentTarget.checked)}
            label={t('server-detail.dialog.showRequest')}
            thumbIcon={<IconCode size={10} />}
            disabled={!request}
          />
          <Collapse expanded={showRequest && Boolean(request)}>
            {showRequest && request && <ApiRequestPreview {...describeServerRequest(compute, request)} />}
          </Collapse>
            </>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {done ? t('ui.close') : t('common.cancel')}
            </Button>
            {!done && (
              <Button type="submit" color={danger ? 'red' : undefined} disabled={!request} loading={mutation.isPending}>
                {submitLabel}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
