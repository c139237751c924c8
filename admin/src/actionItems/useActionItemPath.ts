import { useCanAccess, useCreatePath, type RaRecord } from 'react-admin';

/**
 * Where an action opens, for the signed-in person: its page (what it is, with the buttons to edit,
 * complete or add evidence to it for those who may) for those who may change no action (viewers,
 * for whom the edit route is closed) and for an action the server says they may not change (a
 * greyed-out form with required marks and typing hints read as something to fill in); the edit
 * route for the rest.
 */
export function useActionItemPath(): { pathOf(id: unknown, record?: RaRecord): string } {
  const { canAccess } = useCanAccess({ action: 'edit', resource: 'actionItems' });
  const createPath = useCreatePath();
  // Until the answer comes, the edit route: it is the one most people open, and it is read only where it must be.
  const opens = (record?: RaRecord) => (canAccess === false || record?.viewerCanEdit === false ? 'show' : 'edit');
  return { pathOf: (id, record) => createPath({ resource: 'actionItems', id: String(id), type: opens(record) }) };
}
