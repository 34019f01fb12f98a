import { useState, type ReactNode } from 'react';
import { Button, Menu, Text } from '@mantine/core';
import {
  IconCamera,
  IconChevronDown,
  IconLock,
  IconLockOpen,
  IconPlayerPlay,
  IconPlayerStop,
  IconRefresh,
  IconRefreshAlert,
  IconResize,
  IconRestore,
  IconTrash,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { availability, type Actor, type ServerOperation } from '../lifecycle';
import type { Server } from '../schemas';
import { CreateImageDialog } from './dialogs/create-image-dialog';
import { DeleteServerDialog } from './dialogs/delete-server-dialog';
import { RebootDialog, SimpleActionDialog, StopDialog } from './dialogs/power-dialogs';
import { RebuildDialog } from './dialogs/rebuild-dialog';
import { ResizeDialog } from './dialogs/resize-dialog';

/** The dialogs of the actions menu and the resize banner. */
export type ServerDialog =
  | 'reboot-soft'
  | 'reboot-hard'
  | 'stop'
  | 'start'
  | 'lock'
  | 'unlock'
  | 'resize'
  | 'confirm-resize'
  | 'revert-resize'
  | 'rebuild'
  | 'create-image'
  | 'delete';

interface MenuEntry {
  dialog: ServerDialog;
  operation: ServerOperation;
  icon: ReactNode;
  danger?: boolean;
}

const GROUPS: MenuEntry[][] = [
  [
    { dialog: 'start', operation: 'start', icon: <IconPlayerPlay size={16} /> },
    { dialog: 'stop', operation: 'stop', icon: <IconPlayerStop size={16} /> },
    { dialog: 'reboot-soft', operation: 'reboot-soft', icon: <IconRefresh size={16} /> },
    { dialog: 'reboot-hard', operation: 'reboot-hard', icon: <IconRefreshAlert size={16} /> },
  ],
  [
    { dialog: 'lock', operation: 'lock', icon: <IconLock size={16} /> },
    { dialog: 'unlock', operation: 'unlock', icon: <IconLockOpen size={16} /> },
  ],
  [
    { dialog: 'resize', operation: 'resize', icon: <IconResize size={16} /> },
    { dialog: 'rebuild', operation: 'rebuild', icon: <IconRestore size={16} /> },
    { dialog: 'create-image', operation: 'create-image', icon: <IconCamera size={16} /> },
  ],
  [{ dialog: 'delete', operation: 'delete', icon: <IconTrash size={16} />, danger: true }],
];

interface ServerDialogsProps {
  server: Server;
  actor: Actor;
  open: ServerDialog | null;
  onClose: () => void;
  maxServerMeta?: number;
}

/** Renders the one open dialog (each keeps its own form state). */
export function ServerDialogs({ server, actor, open, onClose, maxServerMeta }: ServerDialogsProps) {
  const common = { server, onClose };
  return (
    <>
      <RebootDialog {...common} actor={actor} opened={open === 'reboot-soft' || open === 'reboot-hard'} initialType={open === 'reboot-hard' ? 'HARD' : 'SOFT'} />
      <StopDialog {...common} actor={actor} opened={open === 'stop'} />
      <SimpleActionDialog {...common} kind="start" opened={open === 'start'} />
      <SimpleActionDialog {...common} kind="lock" opened={open === 'lock'} />
      <SimpleActionDialog {...common} kind="unlock" opened={open === 'unlock'} />
      <SimpleActionDialog {...common} kind="confirmResize" opened={open === 'confirm-resize'} />
      <SimpleActionDialog {...common} kind="revertResize" opened={open === 'revert-resize'} />
      <ResizeDialog {...common} opened={open === 'resize'} />
      <RebuildDialog {...common} opened={open === 'rebuild'} maxItems={maxServerMeta} />
      <CreateImageDialog {...common} opened={open === 'create-image'} maxItems={maxServerMeta} />
      <DeleteServerDialog {...common} opened={open === 'delete'} />
    </>
  );
}

interface ServerActionsMenuProps {
  server: Server;
  actor: Actor;
  onOpen: (dialog: ServerDialog) => void;
}

/** The actions menu: every action, enabled by the server's state and lock, with the reason when not. */
export function ServerActionsMenu({ server, actor, onOpen }: ServerActionsMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" width={280} withinPortal>
      <Menu.Target>
        <Button rightSection={<IconChevronDown size={16} />}>{t('server-detail.actions.menu')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        {GROUPS.map((group, index) => (
          <div key={index}>
            {index > 0 && <Menu.Divider />}
            {group.map((entry) => {
              const state = availability(server, entry.operation, actor);
              return (
                <Menu.Item
                  key={entry.dialog}
                  leftSection={entry.icon}
                  color={entry.danger ? 'red' : undefined}
                  disabled={!state.allowed}
                  onClick={() => onOpen(entry.dialog)}
                >
                  {t(`server-detail.actions.${entry.dialog}`)}
                  {!state.allowed && (
                    <Text size="xs" c="dimmed" component="span" display="block">
                      {t(`server-detail.reason.${state.reason}`)}
                    </Text>
                  )}
                </Menu.Item>
              );
            })}
          </div>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Dialog state of the page: which one is open. */
export function useServerDialog() {
  const [open, setOpen] = useState<ServerDialog | null>(null);
  return { open, openDialog: setOpen, close: () => setOpen(null) };
}
