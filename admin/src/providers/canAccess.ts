/**
 * Who may do what, decided in one place. The server is the authority: records carry
 * its `viewerCan…` answers, which are taken at their word. Where there is no record
 * (a create button, a menu entry), the role decides: inspectors and administrators
 * act everywhere, leaders within their organisation's subtree, viewers read.
 */

export type Role = 'ADMINISTRATOR' | 'INSPECTOR' | 'LEADER' | 'VIEWER';

export type Permissions = { role: Role; organisationId: string | null; subtreeIds: readonly string[] };

export type AccessRequest = { action: string; resource: string; record?: Record<string, unknown> };

const reads = new Set(['list', 'show', 'export']);
const inspectorOnly = new Set(['verify', 'assess', 'linkRepeat']);
const administration = new Set(['users']);

/** The server's per-record answers, once the schema has them. */
const serverAnswer: Record<string, string> = {
  edit: 'viewerCanEdit',
  status: 'viewerCanUpdateStatus',
  plan: 'viewerCanManageActionPlan',
  linkRepeat: 'viewerCanLinkRepeats',
  assess: 'viewerCanAssess',
  verify: 'viewerCanVerify',
  submitEvidence: 'viewerCanSubmitEvidence',
  respond: 'viewerCanRespond',
};

const idAt = (value: unknown, ...path: string[]): string | undefined => {
  let here: unknown = value;
  for (const key of path) here = here && typeof here === 'object' ? (here as Record<string, unknown>)[key] : undefined;
  return typeof here === 'string' ? here : undefined;
};

/** The organisations a record belongs to, whatever its type. */
export function owningOrganisations(record: Record<string, unknown>): string[] {
  return [
    idAt(record, 'owner', 'id'),
    idAt(record, 'recommendation', 'owner', 'id'),
    idAt(record, 'actionItem', 'owner', 'id'),
    idAt(record, 'actionItem', 'recommendation', 'owner', 'id'),
  ].filter((id): id is string => id !== undefined);
}

function leaderMay(permissions: Permissions, { action, resource, record }: AccessRequest): boolean {
  if (inspectorOnly.has(action) || resource === 'reports' || resource === 'assessments' || resource === 'organisations') return false;
  if (!record) return ['actionItems', 'evidence'].includes(resource) && (action === 'create' || action === 'edit');
  return owningOrganisations(record).some((id) => permissions.subtreeIds.includes(id));
}

export function canAccess(permissions: Permissions | null | undefined, request: AccessRequest): boolean {
  if (!permissions) return false;
  const answer = request.record?.[serverAnswer[request.action] ?? ''];
  if (typeof answer === 'boolean') return answer;
  if (administration.has(request.resource)) return permissions.role === 'ADMINISTRATOR';
  if (reads.has(request.action)) return true;
  switch (permissions.role) {
    case 'ADMINISTRATOR':
    case 'INSPECTOR':
      return request.resource !== 'organisations' || permissions.role === 'ADMINISTRATOR';
    case 'LEADER':
      return leaderMay(permissions, request);
    default:
      return false;
  }
}
