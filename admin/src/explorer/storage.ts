import type { GraphiQLProps } from 'graphiql';

type Storage = NonNullable<GraphiQLProps['storage']>;

const PREFIX = 'tracker-explorer:';
/** How many times this page has forgotten the explorer's storage (signing out, a session ending). */
let signOuts = 0;

/**
 * GraphiQL keeps its tabs, their operations and their last results in the browser. On a
 * shared computer that would hand one person's results to the next: each person gets
 * their own keys, and signing out removes every person's (see forgetExplorerStorage).
 */
export function explorerStorage(personId: string): Storage {
  const prefix = `${PREFIX}${personId}:`;
  const keys = () => Object.keys(localStorage).filter((key) => key.startsWith(prefix));
  // GraphiQL may still save its tabs after signing out has removed them (it saves a moment after
  // each change, and as it closes): a storage from before the sign-out keeps nothing more.
  const since = signOuts;
  return {
    getItem: (key) => localStorage.getItem(prefix + key),
    setItem: (key, value) => {
      if (since === signOuts) localStorage.setItem(prefix + key, value);
    },
    removeItem: (key) => localStorage.removeItem(prefix + key),
    clear: () => keys().forEach((key) => localStorage.removeItem(key)),
    get length() {
      return keys().length;
    },
  };
}

/** Removes what the explorer kept for anyone in this browser; called on signing out or when a session ends. */
export function forgetExplorerStorage() {
  signOuts++;
  for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX) || key.startsWith('graphiql:')) localStorage.removeItem(key);
}
