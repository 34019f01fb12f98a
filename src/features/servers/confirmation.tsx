/**
 * One rule for asking before a server operation, wherever it is started (row menu, bulk bar,
 * command palette; the server's page opens a dialog for every action, which asks in the same
 * words): safe operations run at once; disruptive ones (the server stops or restarts) ask,
 * naming the server(s); destructive ones (nothing to undo) ask the user to type the server's
 * name, or how many servers for several. docs/servers.md states the rule.
 */
import type { ReactNode } from 'react';
import { List, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { confirm, confirmByTyping } from '../../components/confirm';
import type { QuickOperation } from './requests';

export type Confirmation = 'none' | 'confirm' | 'typed';

const RULE: Record<QuickOperation, Confirmation> = {
  start: 'none',
  lock: 'none',
  unlock: 'none',
  tags: 'none',
  stop: 'confirm',
  'reboot-soft': 'confirm',
  'reboot-hard': 'confirm',
  delete: 'typed',
};

export function confirmationOf(operation: QuickOperation): Confirmation {
  return RULE[operation];
}

interface Named {
  id: string;
  name: string;
}

const nameOf = (server: Named) => server.name || server.id;

/** What is typed to confirm a destructive operation: the server's name, or how many servers. */
export function typedConfirmation(servers: readonly Named[]): string {
  return servers.length === 1 ? nameOf(servers[0]) : String(servers.length);
}

interface AskOptions {
  /** The operation's label ("Reboot", "Add tag “web”"). */
  label: string;
  /** A bulk run's plan ("2 of 3: 1 skipped, locked"): shown, and asked even for a safe operation. */
  plan?: string;
}

/** Asks as the rule says; resolves whether to go on. */
export async function confirmOperation(t: TFunction, operation: QuickOperation, servers: readonly Named[], { label, plan }: AskOptions): Promise<boolean> {
  const level = confirmationOf(operation);
  if (level === 'none' && plan === undefined) return true;
  const one = servers.length === 1;
  const title = one
    ? t(level === 'typed' ? 'servers.confirmDelete.title' : 'servers.confirmOne.title', { operation: label, name: nameOf(servers[0]) })
    : t('servers.confirmMany.title', { operation: label, count: servers.length });
  const explanation = level === 'typed' ? t('servers.confirmDelete.message') : level === 'confirm' ? t(`servers.confirmOne.${operation}`) : null;
  const message: ReactNode = (
    <Stack gap="xs">
      {plan && <Text size="sm">{plan}</Text>}
      {explanation && <Text size="sm">{explanation}</Text>}
      {!one && (
        <List size="sm" aria-label={t('servers.confirmMany.servers')}>
          {servers.map((server) => (
            <List.Item key={server.id}>{nameOf(server)}</List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
  if (level === 'typed') return confirmByTyping({ title, message, expected: typedConfirmation(servers), confirmLabel: label });
  return confirm({ title, message, confirmLabel: label });
}
