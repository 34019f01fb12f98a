import type { ReactNode } from 'react';
import { ActionIcon, Checkbox, Menu, Skeleton, Table, UnstyledButton, Group, Text, VisuallyHidden } from '@mantine/core';
import { IconArrowsSort, IconDots, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './resource-table.module.css';

export interface Column<T> {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The key sent as `sort_key` when the header is clicked; the column's key by default. */
  sortKey?: string;
  sortable?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface RowAction<T> {
  label: string;
  icon?: ReactNode;
  color?: string;
  onClick: (row: T) => void;
  /** A reason (shown as the item's title) or true disables the action for this row. */
  disabled?: (row: T) => boolean | string;
}

type SortDirection = 'asc' | 'desc';

export interface TableSort {
  key: string;
  direction: SortDirection;
  onChange: (key: string, direction: SortDirection) => void;
}

export interface TableSelection {
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

interface ResourceTableProps<T> {
  /** Accessible name of the table ("Servers"). */
  label: string;
  data: readonly T[] | undefined;
  columns: Column<T>[];
  getRowId: (row: T) => string;
  /** Names a row in labels ("Select web-1", "Actions for web-1"). */
  getRowLabel?: (row: T) => string;
  loading?: boolean;
  rowActions?: RowAction<T>[];
  selection?: TableSelection;
  sort?: TableSort;
  /** Shown in place of rows when `data` is empty. */
  empty?: ReactNode;
}

function SortIcon({ active, direction }: { active: boolean; direction: SortDirection }) {
  if (!active) return <IconArrowsSort size={14} />;
  return direction === 'asc' ? <IconSortAscending size={14} /> : <IconSortDescending size={14} />;
}

/** The one table of the console: shows what it is given, never fetches. */
export function ResourceTable<T>({
  label,
  data,
  columns,
  getRowId,
  getRowLabel = getRowId,
  loading,
  rowActions,
  selection,
  sort,
  empty,
}: ResourceTableProps<T>) {
  const { t } = useTranslation();
  const rows = data ?? [];
  const ids = rows.map(getRowId);
  const selected = new Set(selection?.selected ?? []);
  const allSelected = ids.length > 0 && ids.every((id) => selected.has(id));
  const someSelected = ids.some((id) => selected.has(id));
  const columnCount = columns.length + (selection ? 1 : 0) + (rowActions?.length ? 1 : 0);

  const toggleAll = () => selection?.onChange(allSelected ? [] : ids);
  const toggle = (id: string) =>
    selection?.onChange(selected.has(id) ? [...selected].filter((value) => value !== id) : [...selected, id]);

  const header = (column: Column<T>) => {
    if (!sort || !column.sortable) return column.header;
    const key = column.sortKey ?? column.key;
    const active = sort.key === key;
    const next: SortDirection = active && sort.direction === 'asc' ? 'desc' : 'asc';
    return (
      <UnstyledButton className={classes.sortButton} onClick={() => sort.onChange(key, next)}>
        <Group gap={4} wrap="nowrap">
          <span>{column.header}</span>
          <SortIcon active={active} direction={sort.direction} />
        </Group>
      </UnstyledButton>
    );
  };

  const ariaSort = (column: Column<T>) => {
    if (!sort || !column.sortable || sort.key !== (column.sortKey ?? column.key)) return undefined;
    return sort.direction === 'asc' ? 'ascending' : 'descending';
  };

  let body: ReactNode;
  if (loading && rows.length === 0) {
    body = Array.from({ length: 5 }, (_, index) => (
      <Table.Tr key={index} aria-hidden="true">
        {Array.from({ length: columnCount }, (_, cell) => (
          <Table.Td key={cell}>
            <Skeleton height={16} radius="sm" />
          </Table.Td>
        ))}
      </Table.Tr>
    ));
  } else if (rows.length === 0) {
    body = (
      <Table.Tr>
        <Table.Td colSpan={columnCount}>{empty ?? <Text c="dimmed">{t('table.empty')}</Text>}</Table.Td>
      </Table.Tr>
    );
  } else {
    body = rows.map((row) => {
      const id = getRowId(row);
      const name = getRowLabel(row);
      return (
        <Table.Tr key={id} bg={selected.has(id) ? 'var(--mantine-primary-color-light)' : undefined}>
          {selection && (
            <Table.Td>
              <Checkbox
                aria-label={t('table.selectRow', { name })}
                checked={selected.has(id)}
                onChange={() => toggle(id)}
              />
            </Table.Td>
          )}
          {columns.map((column) => (
            <Table.Td key={column.key} ta={column.align}>
              {column.cell(row)}
            </Table.Td>
          ))}
          {rowActions && rowActions.length > 0 && (
            <Table.Td ta="right">
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <ActionIcon variant="subtle" color="gray" aria-label={t('table.rowActions', { name })}>
                    <IconDots size={16} />
                  </ActionIcon>
                </Menu.Target>
                <Menu.Dropdown>
                  {rowActions.map((action) => {
                    const disabled = action.disabled?.(row) ?? false;
                    return (
                      <Menu.Item
                        key={action.label}
                        leftSection={action.icon}
                        color={action.color}
                        disabled={Boolean(disabled)}
                        title={typeof disabled === 'string' ? disabled : undefined}
                        onClick={() => action.onClick(row)}
                      >
                        {action.label}
                      </Menu.Item>
                    );
                  })}
                </Menu.Dropdown>
              </Menu>
            </Table.Td>
          )}
        </Table.Tr>
      );
    });
  }

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={label} aria-busy={loading || undefined}>
        <Table.Thead>
          <Table.Tr>
            {selection && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label={t('table.selectAll')}
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  onChange={toggleAll}
                  disabled={ids.length === 0}
                />
              </Table.Th>
            )}
            {columns.map((column) => (
              <Table.Th key={column.key} ta={column.align} aria-sort={ariaSort(column)}>
                {header(column)}
              </Table.Th>
            ))}
            {rowActions && rowActions.length > 0 && (
              <Table.Th w={48}>
                <VisuallyHidden>{t('table.actions')}</VisuallyHidden>
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>{body}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
