import type { ReactNode } from 'react';
import { ModalsProvider } from '@mantine/modals';
import { Notifications } from '@mantine/notifications';

/** Where modals and notifications render: the signed-in shell, and tests that need them. */
export function AppOverlays({ children }: { children: ReactNode }) {
  return (
    <ModalsProvider>
      <Notifications position="top-right" limit={5} />
      {children}
    </ModalsProvider>
  );
}
