import type { ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { theme } from '../theme';

interface AppProviderProps {
  queryClient: QueryClient;
  children: ReactNode;
  /** `test` disables Mantine's transitions and portals. */
  env?: 'default' | 'test';
}

/**
 * Mantine and the query cache. The notifications outlet and the modals provider sit in the
 * signed-in shell (app-overlays.tsx): inside the router, so their content can use links, and
 * off the login page, which must stay light (Modal brings ScrollArea and floating-ui; the
 * notifications bring their transitions). Notifications raised earlier wait in Mantine's
 * store and show when the outlet mounts.
 */
export function AppProvider({ queryClient, children, env }: AppProviderProps) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" env={env}>
      <QueryClientProvider client={queryClient}>
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
