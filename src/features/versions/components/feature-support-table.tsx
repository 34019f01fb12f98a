import { Badge, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { computeFeatures, supportsFeature, type ComputeFeature } from '../../../lib/microversion';

/** Which console features the negotiated microversion allows, and what each needs. */
export function FeatureSupportTable({ microversion }: { microversion: string | null }) {
  const { t } = useTranslation();
  const features = Object.keys(computeFeatures) as ComputeFeature[];
  return (
    <Table striped aria-label={t('versions.featuresLabel')}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('versions.feature')}</Table.Th>
          <Table.Th>{t('versions.requires')}</Table.Th>
          <Table.Th>{t('versions.available')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {features.map((feature) => {
          const ok = supportsFeature(microversion, feature);
          return (
            <Table.Tr key={feature}>
              <Table.Td>{t(`features.names.${feature}`)}</Table.Td>
              <Table.Td>{computeFeatures[feature]}</Table.Td>
              <Table.Td>
                <Badge color={ok ? 'green' : 'gray'} variant="light">
                  {ok ? t('common.yes') : t('common.no')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
