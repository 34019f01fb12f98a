import { ActionIcon, Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconColumns } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FIXED_COLUMNS, moveColumn, toggleColumn, type ColumnPrefs } from './columns';

interface ColumnChooserProps {
  value: ColumnPrefs;
  onChange: (prefs: ColumnPrefs) => void;
  onReset: () => void;
}

/** Which columns the servers table shows, and in which order. */
export function ColumnChooser({ value, onChange, onReset }: ColumnChooserProps) {
  const { t } = useTranslation();
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          {t('servers.columns.choose')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="group" aria-label={t('servers.columns.choose')} miw={240}>
          <Text size="xs" c="dimmed">
            {t('servers.columns.hint')}
          </Text>
          {value.order.map((column, index) => {
            const label = t(`servers.columns.${column}`);
            return (
              <Group key={column} justify="space-between" wrap="nowrap" gap="xs">
                <Checkbox
                  label={label}
                  checked={!value.hidden.includes(column)}
                  disabled={FIXED_COLUMNS.has(column)}
                  onChange={() => onChange(toggleColumn(value, column))}
                />
                <Group gap={2} wrap="nowrap">
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    disabled={index === 0}
                    aria-label={t('servers.columns.moveUp', { column: label })}
                    onClick={() => onChange(moveColumn(value, column, -1))}
                  >
                    <IconArrowUp size={14} />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    size="sm"
                    disabled={index === value.order.length - 1}
                    aria-label={t('servers.columns.moveDown', { column: label })}
                    onClick={() => onChange(moveColumn(value, column, 1))}
                  >
                    <IconArrowDown size={14} />
                  </ActionIcon>
                </Group>
              </Group>
            );
          })}
          <Button variant="subtle" size="xs" onClick={onReset}>
            {t('servers.columns.reset')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
