import { useMemo, type ReactNode } from 'react';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cssVariablesResolver, localizedTheme } from '../theme';

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
  const { t } = useTranslation();
  const closeDialog = t('common.closeDialog');
  const dismiss = t('common.dismiss');
  const theme = useMemo(() => localizedTheme({ closeDialog, dismiss }), [closeDialog, dismiss]);
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" env={env} cssVariablesResolver={cssVariablesResolver}>
      <QueryClientProvider client={queryClient}>
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
