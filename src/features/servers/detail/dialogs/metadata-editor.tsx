import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { KeyValueEditor, type KeyValueRow } from '../../../../components/key-value-editor';
import { metadataListProblem, metadataProblems, refineWith, type MetadataLimits, type Problem } from '../../../../lib/validation';

interface MetadataEditorProps {
  label: string;
  rows: KeyValueRow[];
  onChange: (rows: KeyValueRow[]) => void;
  limits: MetadataLimits;
  disabled?: boolean;
}

/**
 * The shared key/value editor plus the spec's rules it does not know: Nova's key characters,
 * lengths in bytes, and the project's item limit. Problems show as one types.
 */
export function MetadataEditor({ label, rows, onChange, limits, disabled }: MetadataEditorProps) {
  const { t } = useTranslation();
  const problems = metadataProblems(rows, limits);
  // the editor itself shows missing, duplicate and (by characters) too long; add the rest
  const extra: Array<{ index: number | null; problem: Problem }> = [];
  problems.rows.forEach((row, index) => {
    if (row.key?.key === 'validation.metadataKeyChars' || (row.key?.key === 'validation.metadataKeyTooLong' && [...rows[index].key].length <= limits.maxKeyBytes)) {
      extra.push({ index, problem: row.key });
    }
    if (row.value && [...rows[index].value].length <= limits.maxValueBytes) extra.push({ index, problem: row.value });
  });
  if (problems.count) extra.push({ index: null, problem: problems.count });
  const max = limits.maxItems !== undefined && limits.maxItems >= 0 ? limits.maxItems : undefined;

  return (
    <>
      <KeyValueEditor
        label={label}
        name={t('server-detail.metadata.title')}
        value={rows}
        onChange={onChange}
        disabled={disabled}
        maxKeyLength={limits.maxKeyBytes}
        maxValueLength={limits.maxValueBytes}
        maxItems={max}
      />
      {extra.length > 0 && (
        <List size="sm" c="red" role="alert" aria-label={t('server-detail.metadata.problems')}>
          {extra.map(({ index, problem }, i) => (
            <List.Item key={i}>
              {index === null
                ? t(problem.key, problem.values)
                : t('server-detail.metadata.rowProblem', {
                    row: index + 1,
                    problem: t(problem.key, problem.values),
                  })}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="xs" c="dimmed">
        {t('server-detail.metadata.rules', { key: limits.maxKeyBytes, value: limits.maxValueBytes })}
      </Text>
    </>
  );
}

/** Whether the rows may be sent. */
export function metadataSendable(rows: readonly KeyValueRow[], limits: MetadataLimits): boolean {
  return !metadataListProblem(rows, limits);
}

/** The rows in a form's schema (the editor shows their problems itself). */
export const metadataRowsSchema = (limits: MetadataLimits) =>
  z.array(z.object({ key: z.string(), value: z.string() })).superRefine(refineWith((rows: KeyValueRow[]) => metadataListProblem(rows, limits)));

export function recordOf(rows: readonly KeyValueRow[]): Record<string, string> {
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}
