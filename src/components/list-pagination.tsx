import '@mantine/core/styles/Pagination.css';
import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface ListPaginationProps {
  /** Rows after filtering (all pages). */
  total: number;
  page: number;
  pages: number;
  pageSize: number;
  onChange: (page: number) => void;
}

/** "21–40 of 57" and the page buttons under a list; nothing when the list is empty. */
export function ListPagination({ total, page, pages, pageSize, onChange }: ListPaginationProps) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" mt="sm">
      <Text size="sm" c="dimmed">
        {t('ui.list.range', { from, to, total })}
      </Text>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={page}
          onChange={onChange}
          size="sm"
          aria-label={t('ui.list.pagination')}
          getControlProps={(control) => ({ 'aria-label': t(`ui.list.control.${control}`) })}
          getItemProps={(item) => ({ 'aria-label': t('ui.list.pageN', { page: item }) })}
        />
      )}
    </Group>
  );
}
