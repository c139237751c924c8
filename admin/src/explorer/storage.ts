import type { GraphiQLProps } from 'graphiql';

type Storage = NonNullable<GraphiQLProps['storage']>;

const PREFIX = 'tracker-explorer:';

/**
 * GraphiQL keeps its tabs, their operations and their last results in the browser. On a
 * shared computer that would hand one person's results to the next: each person gets
 * their own keys, and signing out removes every person's (see forgetExplorerStorage).
 */
export function explorerStorage(personId: string): Storage {
  const prefix = `${PREFIX}${personId}:`;
  const keys = () => Object.keys(localStorage).filter((key) => key.startsWith(prefix));
  return {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => localStorage.setItem(prefix + key, value),
    removeItem: (key) => localStorage.removeItem(prefix + key),
    clear: () => keys().forEach((key) => localStorage.removeItem(key)),
    get length() {
      return keys().length;
    },
  };
}

/** Removes what the explorer kept for anyone in this browser; called on signing out or when a session ends. */
export function forgetExplorerStorage() {
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX) || key.startsWith('graphiql:')) localStorage.removeItem(key);
}
