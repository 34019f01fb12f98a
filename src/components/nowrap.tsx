import type { ReactNode } from 'react';
import { Box } from '@mantine/core';
import classes from './nowrap.module.css';

/** Keeps a table cell's content on one line, so a crowded table widens the column instead. */
export function Nowrap({ children }: { children: ReactNode }) {
  return <Box className={classes.nowrap}>{children}</Box>;
}
