import { useState, type ReactNode } from 'react';
import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { i18n } from '../lib/i18n';

interface ConfirmOptions {
  title: ReactNode;
  message: ReactNode;
  confirmLabel?: string;
  /** Red confirm button for destructive actions. */
  danger?: boolean;
}

/** Asks before acting; resolves true on confirm, false on cancel or close. */
export function confirm({ title, message, confirmLabel, danger }: ConfirmOptions): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: typeof message === 'string' ? <Text size="sm">{message}</Text> : message,
      labels: { confirm: confirmLabel ?? i18n.t('common.confirm'), cancel: i18n.t('common.cancel') },
      confirmProps: danger ? { color: 'red' } : undefined,
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}

interface TypeToConfirmProps {
  message: ReactNode;
  expected: string;
  confirmLabel: string;
  onDone: (confirmed: boolean) => void;
}

function TypeToConfirm({ message, expected, confirmLabel, onDone }: TypeToConfirmProps) {
  const [typed, setTyped] = useState('');
  return (
    <Stack>
      {typeof message === 'string' ? <Text size="sm">{message}</Text> : message}
      <TextInput
        label={i18n.t('confirm.typeToConfirm', { name: expected })}
        value={typed}
        onChange={(event) => setTyped(event.currentTarget.value)}
        autoComplete="off"
        data-autofocus
      />
      <Group justify="flex-end">
        <Button variant="default" onClick={() => onDone(false)}>
          {i18n.t('common.cancel')}
        </Button>
        <Button color="red" disabled={typed !== expected} onClick={() => onDone(true)}>
          {confirmLabel}
        </Button>
      </Group>
    </Stack>
  );
}

/** For irreversible actions: the user types the resource's name to enable the button. */
export function confirmByTyping(options: ConfirmOptions & { expected: string }): Promise<boolean> {
  return new Promise((resolve) => {
    const id = modals.open({
      title: options.title,
      onClose: () => resolve(false),
      children: (
        <TypeToConfirm
          message={options.message}
          expected={options.expected}
          confirmLabel={options.confirmLabel ?? i18n.t('common.delete')}
          onDone={(confirmed) => {
            resolve(confirmed);
            modals.close(id);
          }}
        />
      ),
    });
  });
}
