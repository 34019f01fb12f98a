import { Avatar, Badge, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconLogout, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLogout } from '../mutations';
import type { Session } from '../schemas';

interface UserMenuProps {
  session: Session;
  onLoggedOut: () => void;
}

/** Who is signed in, with which roles, and the way out. */
export function UserMenu({ session, onLoggedOut }: UserMenuProps) {
  const { t } = useTranslation();
  const logout = useLogout();
  const { user } = session;
  return (
    <Menu position="bottom-end" width={260}>
      <Menu.Target>
        <UnstyledButton aria-label={t('shell.user.menu', { name: user.name })}>
          <Group gap="xs" wrap="nowrap">
            {/* an icon, not initials: the button's name must hold every word it shows */}
            <Avatar size="sm" color="blue" radius="xl">
              <IconUser size={16} />
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" truncate maw={140}>
              {user.name}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={4} px="sm" py="xs">
          <Text size="sm" fw={600}>
            {user.name}
          </Text>
          {user.domain && (
            <Text size="xs" c="dimmed">
              {t('shell.user.domain', { domain: user.domain })}
            </Text>
          )}
          <Group gap={4} role="group" aria-label={t('shell.user.roles')}>
            {session.roles.map((role) => (
              <Badge key={role} size="xs" variant="light" color={role === 'admin' ? 'red' : 'gray'}>
                {role}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLogout size={14} />}
          color="red"
          disabled={logout.isPending}
          onClick={() => logout.mutate(undefined, { onSettled: onLoggedOut })}
        >
          {t('shell.user.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
