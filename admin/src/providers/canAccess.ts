/**
 * Who may do what, as the server says: the admin app keeps no rules of its own. A record carries
 * the server's `viewerCan…` answers for itself, which are taken at their word; where there is no
 * record (a create button, a menu entry), the actions the server says the caller may take at all
 * (the `permissions` query, in the domain's own vocabulary) decide.
 */

export type Role = 'ADMINISTRATOR' | 'INSPECTOR' | 'LEADER' | 'VIEWER';

/** The domain's actions, as the API's Action enum names them. */
export type Action =
  | 'READ_RECORDS' | 'READ_ACCOUNT' | 'MANAGE_API_TOKEN' | 'UPDATE_STATUS' | 'RESPOND' | 'MANAGE_ACTION_ITEM' | 'SUBMIT_EVIDENCE'
  | 'EDIT_RECOMMENDATION' | 'LOAD_REPORT' | 'LINK_REPEATS' | 'VERIFY_EVIDENCE' | 'RECORD_ASSESSMENT' | 'MANAGE_THEMES' | 'ADMINISTER';

export type Permissions = { actions: readonly Action[] };

export type AccessRequest = { action: string; resource: string; record?: Record<string, unknown> };

/** The server's per-record answers. */
const serverAnswer: Record<string, string> = {
  edit: 'viewerCanEdit',
  delete: 'viewerCanEdit',
  status: 'viewerCanUpdateStatus',
  plan: 'viewerCanManageActionPlan',
  linkRepeat: 'viewerCanLinkRepeats',
  assess: 'viewerCanAssess',
  verify: 'viewerCanVerify',
  submitEvidence: 'viewerCanSubmitEvidence',
  attachFiles: 'viewerCanChangeFiles',
  removeFile: 'viewerCanRemove',
  respond: 'viewerCanRespond',
  priority: 'viewerCanMarkPriority',
};

const reads = new Set(['list', 'show', 'export']);

/**
 * What each screen's action is, in the domain's words. An action not named here is offered to
 * nobody (removals the API does not make, say).
 */
const domainAction: Record<string, Record<string, Action>> = {
  reports: { create: 'LOAD_REPORT', edit: 'LOAD_REPORT' },
  recommendations: {
    create: 'LOAD_REPORT', edit: 'EDIT_RECOMMENDATION', status: 'UPDATE_STATUS', plan: 'MANAGE_ACTION_ITEM',
    linkRepeat: 'LINK_REPEATS', assess: 'RECORD_ASSESSMENT', respond: 'RESPOND', priority: 'RECORD_ASSESSMENT',
  },
  actionItems: { create: 'MANAGE_ACTION_ITEM', edit: 'MANAGE_ACTION_ITEM', delete: 'MANAGE_ACTION_ITEM', submitEvidence: 'SUBMIT_EVIDENCE' },
  evidence: { create: 'SUBMIT_EVIDENCE', verify: 'VERIFY_EVIDENCE', attachFiles: 'SUBMIT_EVIDENCE', removeFile: 'SUBMIT_EVIDENCE' },
  assessments: { create: 'RECORD_ASSESSMENT' },
  organisations: { create: 'ADMINISTER', edit: 'ADMINISTER', deactivate: 'ADMINISTER' },
  themes: { create: 'MANAGE_THEMES', edit: 'MANAGE_THEMES' },
  apiTokens: { create: 'MANAGE_API_TOKEN', delete: 'MANAGE_API_TOKEN' },
};

/** Screens that are themselves administration: reading them is administering. */
const administration = new Set(['users']);

/**
 * Removals the API does not make, whoever asks: people and organisations are deactivated instead
 * (their history names them), reports are publications of record.
 */
const neverRemoved = new Set(['users', 'organisations', 'reports']);

export function canAccess(permissions: Permissions | null | undefined, request: AccessRequest): boolean {
  if (!permissions) return false;
  if (request.action === 'delete' && neverRemoved.has(request.resource)) return false;
  const action = administration.has(request.resource)
    ? 'ADMINISTER'
    : reads.has(request.action)
      ? 'READ_RECORDS'
      : domainAction[request.resource]?.[request.action];
  if (action === undefined) return false;
  const answer = request.record?.[serverAnswer[request.action] ?? ''];
  if (typeof answer === 'boolean') return answer;
  return permissions.actions.includes(action);
}
