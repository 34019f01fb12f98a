import { useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconJson, IconList } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ComputeTarget } from '../../../lib/compute';
import { downloadText, exportFileName, toCsv, toJson } from '../../../lib/export';
import { notifyError, notifySuccess } from '../../../lib/notify';
import type { ServerListFilters } from '../api';
import { readAllServers, readAllServerSummaries, serverExportColumns, summaryExportColumns } from './export';
import type { ServerLookups } from './server-table';

type Format = 'csv' | 'json';

/**
 * "Export": every server matching the list's filters and sort, all pages, read when asked
 * (the table holds one page). Full rows come from List Servers Detail; "ids and names" from
 * List Servers (4.9), which is much lighter on a big project.
 */
export function ServerExportMenu({ target, filters, lookups }: { target: ComputeTarget; filters: ServerListFilters; lookups: ServerLookups }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  const run = async (write: () => Promise<number>) => {
    setBusy(true);
    try {
      const count = await write();
      notifySuccess(t('servers.export.done', { count }));
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };

  const full = (format: Format) =>
    run(async () => {
      const servers = await readAllServers(target, filters);
      if (format === 'csv') downloadText(exportFileName('servers', 'csv'), toCsv(servers, serverExportColumns(t, lookups)), 'text/csv;charset=utf-8');
      else downloadText(exportFileName('servers', 'json'), toJson(servers), 'application/json');
      return servers.length;
    });

  const summaries = (format: Format) =>
    run(async () => {
      const servers = await readAllServerSummaries(target, filters);
      const rows = servers.map(({ id, name }) => ({ id, name }));
      if (format === 'csv') downloadText(exportFileName('server-names', 'csv'), toCsv(rows, summaryExportColumns), 'text/csv;charset=utf-8');
      else downloadText(exportFileName('server-names', 'json'), toJson(rows), 'application/json');
      return rows.length;
    });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} loading={busy}>
          {t('ui.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('servers.export.allPages')}</Menu.Label>
        <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void full('csv')}>
          {t('ui.export.csv')}
        </Menu.Item>
        <Menu.Item leftSection={<IconJson size={16} />} onClick={() => void full('json')}>
          {t('ui.export.json')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Label>{t('servers.export.namesOnly')}</Menu.Label>
        <Menu.Item leftSection={<IconList size={16} />} onClick={() => void summaries('csv')}>
          {t('servers.export.namesCsv')}
        </Menu.Item>
        <Menu.Item leftSection={<IconJson size={16} />} onClick={() => void summaries('json')}>
          {t('servers.export.namesJson')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
