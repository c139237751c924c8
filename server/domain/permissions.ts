import type { Actor } from './actor.ts';

/**
 * Who may do what: one pure module, decided from the actor's role, the
 * organisation subtree they belong to, whose account a thing belongs to, and
 * what their credentials allow. Everything asks it: the schema's scopes (reads
 * and writes, builder.ts), the domain about the very record being changed, the
 * `viewerCan…` answers, and, through the `permissions` query, the admin app.
 */

/** Every action, with what it allows (the API's `Action` enum says the same). */
export const ACTION_MEANINGS = {
  readRecords: 'Read reports, recommendations, plans, evidence, verdicts, organisations, themes and their history.',
  readAccount: 'Read an account’s details (email, whether it may sign in), its API tokens and its history: your own, or anyone’s as an administrator.',
  manageApiToken: 'Make or revoke API tokens while signed in (a token cannot make another): your own, or anyone’s as an administrator.',
  chooseReminders: 'Choose how often reminders of your work are emailed to you: your own choice only, with credentials that write (viewers too: it changes no record).',
  updateStatus: 'Change a recommendation’s self-reported status: of your organisation or one under it as a leader (it is the owner’s report; inspectors give their own verdict instead).',
  respond: 'Record an addressee’s response to a recommendation: for your organisation or one under it as a leader, any as an inspector.',
  manageActionItem: 'Add, change, complete and remove action items: as a leader, owned by your organisation or one under it, a new one on the plan of a recommendation owned by or addressed to an organisation in your line (yours, one under it or one above it); any as an inspector.',
  submitEvidence: 'Submit evidence for an action item: owned by your organisation or one under it as a leader, any as an inspector.',
  editRecommendation: 'Change a recommendation’s details and target date (inspectors of its report’s inspectorate).',
  loadReport: 'Load and edit reports and their recommendations (inspectors, in their own inspectorate’s name).',
  linkRepeats: 'Link, confirm and remove repeat links between recommendations (inspectors).',
  verifyEvidence: 'Accept evidence or find it insufficient (inspectors).',
  recordAssessment: 'Record an inspector’s verdict on a recommendation (inspectors).',
  manageThemes: 'Add and change themes (inspectors).',
  administer: 'Manage organisations, users and roles (administrators).',
  readDiscussion: 'Read the discussion of a recommendation and its action items: as a leader, when it concerns your organisation or one under it (as owner, addressee or owner of one of its actions); inspectors and administrators, any.',
  discuss: 'Comment in that discussion, mentioning people who may read it, and delete your own comments: the same people, with credentials that write.',
  publishReport: 'Mark a report public for its public page, or one of its recommendations internal (inspectors of its inspectorate, administrators).',
} as const;

export type Action = keyof typeof ACTION_MEANINGS;
export const ACTIONS = Object.keys(ACTION_MEANINGS) as Action[];

/** What an action is taken on: a record of an organisation, or a person's account. */
export type Target = {
  organisationPath?: string | null;
  userId?: number | null;
  /** The inspectorate a report belongs to: only its own inspectors change what the report recommends. */
  inspectoratePath?: string | null;
  /** The organisations a recommendation concerns (its owner, addressees and action owners): who discusses it. */
  concernedPaths?: string[];
  /**
   * For a new action item: the organisations whose plan it joins, the recommendation's owner and
   * addressees (not its action owners, or adding an action would be its own warrant).
   */
  planPaths?: string[];
  /** When the recommendation it is (or belongs to) was withdrawn; null or absent while it stands. */
  withdrawnAt?: Date | null;
};

/**
 * A report, what it recommends and what of it is public are changed by its own inspectorate's inspectors
 * (and administrators): the target of those actions is the report's inspectorate.
 */
export const reportTarget = (report: { inspectorate: { path: string } }): Target => ({ inspectoratePath: report.inspectorate.path });

/** Whether the actor may change the report and what it recommends (its `viewerCanEdit`, `viewerCanChangeRecommendations`). */
export const canChangeReport = (actor: Actor | null, report: { inspectorate: { path: string } }): boolean => can(actor, 'loadReport', reportTarget(report));

/** Organisation paths share a segment for each ancestor: see organisation-tree.ts. */
export function isWithin(actorPath: string | null, organisationPath: string | null | undefined): boolean {
  return Boolean(actorPath && organisationPath && organisationPath.startsWith(actorPath));
}

/** Whether two organisations are in one line: the same, or one above the other. */
export function inLine(actorPath: string | null, organisationPath: string | null | undefined): boolean {
  return isWithin(actorPath, organisationPath) || isWithin(organisationPath ?? null, actorPath);
}

/** Whether the credentials may change anything at all: a read-only token or a viewer never does. */
export function canWrite(actor: Actor | null): actor is Actor {
  return actor !== null && actor.access === 'READ_WRITE' && actor.role !== 'VIEWER';
}

/** Not the owner's self-reported status: inspectors record their own verdict, and the gap between the two is the point. */
const INSPECTOR_ACTIONS: Action[] = [
  'respond', 'manageActionItem', 'submitEvidence', 'editRecommendation', 'loadReport',
  'linkRepeats', 'verifyEvidence', 'recordAssessment', 'manageThemes', 'publishReport',
];
/** Leaders take these on records of their own organisation or one under it. */
const LEADER_ACTIONS: Action[] = ['updateStatus', 'respond', 'manageActionItem', 'submitEvidence'];

/**
 * What a withdrawal closes: the inspectorate no longer asks for the recommendation, so it takes no new
 * work from anyone. Its status, responses, action plan (and the evidence and files under it), the
 * verification of that evidence, verdicts, priority (a priority is a verdict's kin, 'recordAssessment')
 * and details stay as they were when it was withdrawn. Still open: reading it; its discussion, where
 * people may well talk about why it was withdrawn; its repeat links, which are facts about the lineage
 * of later recommendations too (their repeat counts and first-made dates run through it); and whether
 * its report's public page shows it, the inspectorate's call on what it publishes. Withdrawing it again
 * is refused by the withdrawal itself, and nothing reinstates it.
 */
const CLOSED_BY_WITHDRAWAL: readonly Action[] = [
  'updateStatus', 'respond', 'manageActionItem', 'submitEvidence', 'editRecommendation', 'verifyEvidence', 'recordAssessment',
];

/** Whether the action is closed on the target because its recommendation was withdrawn (whoever asks). */
export const closedByWithdrawal = (action: Action, target?: Target): boolean =>
  Boolean(target?.withdrawnAt) && CLOSED_BY_WITHDRAWAL.includes(action);

const ownAccount = (actor: Actor, target: Target | undefined) => actor.role === 'ADMINISTRATOR' || target?.userId === actor.userId;

/**
 * A discussion is between inspectors (and administrators) and the leaders of the organisations it
 * concerns, or of one above them; viewers and everyone else neither read nor write it.
 */
function inDiscussion(actor: Actor, target: Target | undefined): boolean {
  if (actor.role === 'ADMINISTRATOR' || actor.role === 'INSPECTOR') return true;
  const paths = target?.concernedPaths ?? [target?.organisationPath];
  return actor.role === 'LEADER' && paths.some((path) => isWithin(actor.organisationPath, path));
}

/** Whether the actor may take this action on the target. */
export function can(actor: Actor | null, action: Action, target?: Target): boolean {
  if (!actor) return false;
  switch (action) {
    case 'readRecords':
      return true;
    case 'readAccount':
      return ownAccount(actor, target);
    case 'manageApiToken':
      return actor.apiTokenId === null && ownAccount(actor, target);
    case 'chooseReminders':
      return actor.access === 'READ_WRITE' && target?.userId === actor.userId;
    case 'readDiscussion':
      return inDiscussion(actor, target);
  }
  if (!canWrite(actor)) return false;
  if (action === 'discuss') return inDiscussion(actor, target);
  if (closedByWithdrawal(action, target)) return false;
  switch (actor.role) {
    case 'ADMINISTRATOR':
      return true;
    case 'INSPECTOR':
      return INSPECTOR_ACTIONS.includes(action) && (target?.inspectoratePath === undefined || isWithin(actor.organisationPath, target.inspectoratePath));
    case 'LEADER':
      return (
        LEADER_ACTIONS.includes(action) &&
        isWithin(actor.organisationPath, target?.organisationPath) &&
        // Owning an action brings a leader into the recommendation's discussion: they add one only to a plan
        // in their own line, as a region takes its share of its service's, never to an unrelated organisation's.
        (target?.planPaths === undefined || target.planPaths.some((path) => inLine(actor.organisationPath, path)))
      );
    default:
      return false;
  }
}

/**
 * Whether the actor may take this action on anything at all: their own account, or a record of
 * their own organisation if that is where they act. The gate on each mutation (the domain then
 * asks about the record itself), and what menus and create buttons offer. Given a recommendation's
 * withdrawal, the same for something new on it (an action for its plan, a verdict).
 */
export function canAtAll(actor: Actor | null, action: Action, on: Pick<Target, 'withdrawnAt'> = {}): boolean {
  return can(actor, action, actor ? { organisationPath: actor.organisationPath, userId: actor.userId, withdrawnAt: on.withdrawnAt } : undefined);
}

/**
 * Among organisations, those on whose records the actor may take the action, as a filter for lists
 * (the owners a leader may give an action to, say): everywhere when `can` allows it whatever the
 * organisation, within their own organisation's subtree when it allows it there only, else nowhere.
 */
export function organisationScope(actor: Actor | null, action: Action): 'everywhere' | 'nowhere' | { within: string } {
  if (can(actor, action, {})) return 'everywhere';
  if (actor?.organisationPath && canAtAll(actor, action)) return { within: actor.organisationPath };
  return 'nowhere';
}

/** Every action the actor may take on something. */
export function actionsOf(actor: Actor | null): Action[] {
  return ACTIONS.filter((action) => canAtAll(actor, action));
}
