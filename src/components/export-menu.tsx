import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconJson } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadText, exportFileName, toCsv, toJson, type ExportColumn } from '../lib/export';

interface ExportMenuProps<T> {
  /** The rows as filtered and sorted (all pages, not only the one shown). */
  rows: readonly T[] | undefined;
  columns: readonly ExportColumn<T>[];
  /** Base of the file name: `volumes` → `volumes-20260105-080000.csv`. */
  fileName: string;
  /** What goes into the JSON file; the rows themselves by default. */
  json?: (rows: readonly T[]) => unknown[];
}

/** "Export" → CSV or JSON of the list as filtered. */
export function ExportMenu<T>({ rows, columns, fileName, json }: ExportMenuProps<T>) {
  const { t } = useTranslation();
  const data = rows ?? [];
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} disabled={!rows}>
          {t('ui.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('ui.export.rows', { count: data.length })}</Menu.Label>
        <Menu.Item
          leftSection={<IconFileSpreadsheet size={16} />}
          onClick={() => downloadText(exportFileName(fileName, 'csv'), toCsv(data, columns), 'text/csv;charset=utf-8')}
        >
          {t('ui.export.csv')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconJson size={16} />}
          onClick={() =>
            downloadText(exportFileName(fileName, 'json'), toJson(json ? json(data) : [...data]), 'application/json')
          }
        >
          {t('ui.export.json')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
