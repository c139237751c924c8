import { useCallback, useRef } from 'react';

/**
 * Runs a write only when no write started through it is still on its way. A double click sent a
 * form, a decision or a batch of rows twice before its button could show it was busy: the second
 * was saved again (two actions for one), or refused as stale and told the person someone else had
 * changed the record. A refused second call does nothing and resolves to undefined.
 */
export function useOneAtATime() {
  const busy = useRef(false);
  return useCallback(async <T,>(write: () => Promise<T>): Promise<T | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    try {
      return await write();
    } finally {
      busy.current = false;
    }
  }, []);
}
