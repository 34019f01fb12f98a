import { Button, Group, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Availability } from '../lifecycle';

interface SectionHeaderProps {
  title: string;
  /** The section's add action (attach a volume, an interface). */
  actionLabel: string;
  /** Whether the server's state allows it now; when not, the button says why. */
  availability: Availability;
  onAction: () => void;
}

/** A tab's section: its title, and its add action, disabled with the reason when the server's state refuses it. */
export function SectionHeader({ title, actionLabel, availability, onAction }: SectionHeaderProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Title order={2} size="h4">
        {title}
      </Title>
      <Button
        leftSection={<IconPlus size={16} />}
        variant="light"
        disabled={!availability.allowed}
        title={availability.allowed ? undefined : t(`server-detail.reason.${availability.reason}`)}
        onClick={onAction}
      >
        {actionLabel}
      </Button>
    </Group>
  );
}
