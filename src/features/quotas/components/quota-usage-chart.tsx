import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { QuotaUsageRow } from '../usage';

/** The share of each limited quota in use, as bars (0–100 %). */
export function QuotaUsageChart({ rows }: { rows: QuotaUsageRow[] }) {
  const { t } = useTranslation();
  const data = rows
    .filter((row) => row.percent !== null)
    .map((row) => ({ resource: t(`quotas.names.${row.name}`), [t('limits.quotas.percentUsed')]: row.percent }));
  return (
    <BarChart
      h={Math.max(160, data.length * 40)}
      data={data}
      dataKey="resource"
      orientation="vertical"
      yAxisProps={{ width: 140 }}
      xAxisProps={{ domain: [0, 100] }}
      valueFormatter={(value) => `${value}%`}
      series={[{ name: t('limits.quotas.percentUsed'), color: 'blue.6' }]}
      getBarColor={(value) => (value >= 90 ? 'red.6' : value >= 70 ? 'yellow.6' : 'teal.6')}
      withBarValueLabel
      gridAxis="x"
      // a picture of the table beside it: one name for the whole figure
      role="img"
      aria-label={t('limits.quotas.chartLabel')}
    />
  );
}
