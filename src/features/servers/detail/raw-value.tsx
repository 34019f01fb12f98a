import { Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import classes from './detail.module.css';

/** OS-EXT-STS:power_state numbers (Nova's power_state module). */
const POWER_STATES: Record<number, string> = { 0: 'NOSTATE', 1: 'RUNNING', 3: 'PAUSED', 4: 'SHUTDOWN', 6: 'CRASHED', 7: 'SUSPENDED' };

/** How the cloud says a power state: its name and number, "SHUTDOWN (4)". */
export const powerStateWord = (power: number): string => `${POWER_STATES[power] ?? power} (${power})`;

/** The fields whose values the console says in the UI's language (`server-detail.raw.<field>.<value>`). */
type RawField = 'vmState' | 'powerState' | 'diskConfig' | 'hostStatus';

interface RawValueProps {
  field: RawField;
  /** The value as the key of its translation (a power state's number). */
  value: string;
  /** What the cloud sent, when it reads otherwise than `value` ("SHUTDOWN (4)"). */
  raw?: string;
}

/**
 * A value of the API said in the UI's language, with the cloud's own word on hover and for screen
 * readers (an operator compares it with the CLI). A word the console does not know is shown as sent.
 */
export function RawValue({ field, value, raw = value }: RawValueProps) {
  const { t } = useTranslation();
  const said = t(`server-detail.raw.${field}.${value}`, { defaultValue: '' });
  if (!said) return <Text span size="sm" ff="monospace">{raw}</Text>;
  return <Said said={said} raw={raw} />;
}

/** A translated word with the cloud's in a tooltip (also used for task states, said by lifecycle.ts). */
export function Said({ said, raw }: { said: string; raw: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('server-detail.raw.cloudSays', { value: raw })}>
      <Text span size="sm" className={classes.rawValue}>
        {said}
        <VisuallyHidden>{` (${raw})`}</VisuallyHidden>
      </Text>
    </Tooltip>
  );
}
