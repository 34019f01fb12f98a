import type { ReactNode } from 'react';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';
import classes from './app-overlays.module.css';

/** Where modals and notifications render: the signed-in shell, and tests that need them. */
export function AppOverlays({ children }: { children: ReactNode }) {
  return (
    <ModalsProvider>
      <Notifications position="top-right" limit={5} classNames={{ root: classes.notifications }} />
      {children}
    </ModalsProvider>
  );
}
