import { useCanAccess, useCreatePath } from 'react-admin';

/**
 * Where an action opens, for the signed-in person: the edit route for those who may change actions
 * (read only where one is not theirs), its page for those who may change none (viewers, for whom
 * the edit route is closed).
 */
export function useActionItemPath(): { opens: 'edit' | 'show'; pathOf(id: unknown): string } {
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'actionItems' });
  const createPath = useCreatePath();
  // Until the answer comes, the edit route: it is the one most people open, and it is read only where it must be.
  const opens = canAccess === false ? 'show' : 'edit';
  return { opens, pathOf: (id) => createPath({ resource: 'actionItems', id: String(id), type: opens }) };
}
