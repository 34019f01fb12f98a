import { useCallback, useMemo, useState } from 'react';
import { useLocation } from 'react-router';

const PREFIX = 'ecs-console.draft:';

export interface FormDraft<T> {
  /** The defaults with the saved draft laid over them: use as the form's initial values. */
  initialValues: T;
  /** A saved draft was found (say "draft restored"). */
  restored: boolean;
  /** Call with the form's values whenever they change (e.g. `useForm({ onValuesChange: draft.save })`). */
  save: (values: T) => void;
  /** Call after a successful submit or an explicit reset. */
  clear: () => void;
}

function read(key: string): Record<string, unknown> | null {
  try {
    const raw = sessionStorage.getItem(key);
    const value: unknown = raw ? JSON.parse(raw) : null;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Keeps what a user typed in a form across a trip through the login page (session expiry)
 * or a reload: sessionStorage, keyed by route and form id, so it stays in this tab only.
 * Secrets (passwords, private keys) belong in `omit`.
 */
export function usePersistentFormDraft<T extends Record<string, unknown>>(
  formId: string,
  defaults: T,
  options: { omit?: ReadonlyArray<keyof T> } = {},
): FormDraft<T> {
  const { pathname } = useLocation();
  const key = `${PREFIX}${pathname}:${formId}`;
  const omitted = options.omit ?? [];
  const omitKey = omitted.join('\u0000');

  const [loaded] = useState(() => {
    const saved = read(key);
    if (!saved) return { initialValues: defaults, restored: false };
    const known = Object.fromEntries(Object.entries(saved).filter(([name]) => name in defaults && !omitted.includes(name)));
    return { initialValues: { ...defaults, ...known } as T, restored: true };
  });

  const save = useCallback(
    (values: T) => {
      const keep = omitKey ? omitKey.split('\u0000') : [];
      const stored = Object.fromEntries(Object.entries(values).filter(([name]) => !keep.includes(name)));
      try {
        sessionStorage.setItem(key, JSON.stringify(stored));
      } catch {
        // storage full or disabled: the draft is a convenience, the form still works
      }
    },
    [key, omitKey],
  );

  const clear = useCallback(() => {
    try {
      sessionStorage.removeItem(key);
    } catch {
      // nothing to clear
    }
  }, [key]);

  return useMemo(() => ({ ...loaded, save, clear }), [loaded, save, clear]);
}

/** On logout: a draft must not outlive its author's session in a shared tab. */
export function clearAllFormDrafts(): void {
  try {
    for (const name of Object.keys(sessionStorage)) {
      if (name.startsWith(PREFIX)) sessionStorage.removeItem(name);
    }
  } catch {
    // storage disabled
  }
}
