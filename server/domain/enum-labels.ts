/**
 * The API's enum values as people read them: on screens, in history and in exports.
 * Pure (no imports) so the admin app shares the same words.
 */
export const recommendationStatusLabels: Record<string, string> = {
  NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', IMPLEMENTED: 'Implemented (reported)', NOT_PLANNED: 'Not planned',
};
export const verdictLabels: Record<string, string> = {
  ACHIEVED: 'Achieved', PARTLY_ACHIEVED: 'Partly achieved', NOT_ACHIEVED: 'Not achieved', NO_LONGER_APPLICABLE: 'No longer applicable',
};
/** No verdict yet, as every screen, export, pack and public page says it: never an empty space. */
export const NO_VERDICT = 'Not yet assessed';
/** The latest verdict in words, or that there is none. */
export const verdictText = (value: unknown) => (typeof value === 'string' && value ? label(verdictLabels, value) : NO_VERDICT);
export const responseLabels: Record<string, string> = {
  AWAITING_RESPONSE: 'Awaiting response', ACCEPTED: 'Accepted', PARTLY_ACCEPTED: 'Partly accepted', NOT_ACCEPTED: 'Not accepted',
};
export const responseTimelinessLabels: Record<string, string> = {
  ON_TIME: 'Responded on time', LATE: 'Responded late', MISSING: 'Response missing', NOT_YET_DUE: 'Response not yet due',
};
export const actionStatusLabels: Record<string, string> = {
  PLANNED: 'Planned', IN_PROGRESS: 'In progress', BLOCKED: 'Blocked', COMPLETED: 'Completed', CANCELLED: 'Cancelled',
};
export const strengthLabels: Record<string, string> = { POLICY: 'Policy or plan', PRACTICE: 'Change in practice', OUTCOME: 'Measured outcome' };
export const verificationLabels: Record<string, string> = { UNVERIFIED: 'Unverified', ACCEPTED: 'Accepted', INSUFFICIENT: 'Insufficient' };
export const reportKindLabels: Record<string, string> = { THEMATIC: 'Thematic', INSPECTION: 'Inspection', FOLLOW_UP: 'Follow-up', JOINT: 'Joint' };
/** What the gap compares, as every screen, export and the pack head it: the owner's reported status against the inspectors' verdict. */
export const GAP_HEADING = 'Reported vs verdict';
export const gapLabels: Record<string, string> = {
  CONFIRMED: 'Confirmed by inspectors', OVERSTATED: 'Overstated by owner', UNVERIFIED: 'Reported, not yet verified',
  UNDERSTATED: 'Achieved, not reported',
  // Not "neither … verified": beside it the inspectors may well have given a verdict, that it is not achieved.
  NONE: 'Neither owner nor inspectors say achieved',
};
/**
 * The gap in words, beside the verdict it is read with: a claim made since a verdict short of
 * achieved says so, or "not yet verified" would seem to deny the "Not achieved" printed beside it.
 */
export const gapText = (gap: unknown, latestVerdict: unknown) =>
  gap === 'UNVERIFIED' && typeof latestVerdict === 'string' && latestVerdict ? 'Reported since the verdict, not yet verified' : label(gapLabels, gap);
export const roleLabels: Record<string, string> = { ADMINISTRATOR: 'Administrator', INSPECTOR: 'Inspector', LEADER: 'Leader', VIEWER: 'Viewer' };
export const organisationKindLabels: Record<string, string> = {
  GOVERNMENT_DEPARTMENT: 'Government department', AGENCY: 'Agency', SERVICE: 'Service', REGION: 'Region',
  DELIVERY_UNIT: 'Delivery unit', INSPECTORATE: 'Inspectorate', OTHER: 'Other',
};
export const apiTokenAccessLabels: Record<string, string> = { READ: 'Read only', READ_WRITE: 'Read and write' };
export const digestFrequencyLabels: Record<string, string> = { DAILY: 'Daily', WEEKLY: 'Weekly', NONE: 'None' };

/** The label of an enum value; the value itself when it has none (never an empty cell for a real value). */
export const label = (labels: Record<string, string>, value: unknown) => (typeof value === 'string' ? (labels[value] ?? value) : '');
