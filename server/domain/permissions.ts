import type { Actor } from './actor.ts';

/**
 * Who may do what: one pure module, decided from the actor's role, the
 * organisation subtree they belong to, and what their credentials allow.
 * The schema's scopes gate each mutation by role; the domain asks this module
 * about the organisation of the very record being changed.
 */
export type Action =
  | 'updateStatus'
  | 'respond'
  | 'manageActionItem'
  | 'submitEvidence'
  | 'editRecommendation'
  | 'loadReport'
  | 'linkRepeats'
  | 'verifyEvidence'
  | 'recordAssessment'
  | 'manageThemes'
  | 'administer';

/** Organisation paths share a segment for each ancestor: see organisation-tree.ts. */
export function isWithin(actorPath: string | null, organisationPath: string | null | undefined): boolean {
  return Boolean(actorPath && organisationPath && organisationPath.startsWith(actorPath));
}

export function canWrite(actor: Actor | null): actor is Actor {
  return actor !== null && actor.access === 'READ_WRITE' && actor.role !== 'VIEWER';
}

const INSPECTOR_ACTIONS: Action[] = [
  'updateStatus', 'respond', 'manageActionItem', 'submitEvidence', 'editRecommendation', 'loadReport',
  'linkRepeats', 'verifyEvidence', 'recordAssessment', 'manageThemes',
];
const LEADER_ACTIONS: Action[] = ['updateStatus', 'respond', 'manageActionItem', 'submitEvidence'];

/**
 * Whether the actor may take this action; for leaders, on a record of the
 * organisation whose path is given (their own organisation or one under it).
 */
export function can(actor: Actor | null, action: Action, organisationPath?: string | null): boolean {
  if (!canWrite(actor)) return false;
  switch (actor.role) {
    case 'ADMINISTRATOR':
      return true;
    case 'INSPECTOR':
      return INSPECTOR_ACTIONS.includes(action);
    case 'LEADER':
      return LEADER_ACTIONS.includes(action) && isWithin(actor.organisationPath, organisationPath);
    default:
      return false;
  }
}
