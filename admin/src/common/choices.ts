/** Labels for the API's enums, as people read them. */
type Choice = { id: string; name: string };

const choices = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const recommendationStatusLabels: Record<string, string> = {
  NOT_STARTED: 'Not started', IN_PROGRESS: 'In progress', IMPLEMENTED: 'Implemented (reported)', NOT_PLANNED: 'Not planned',
};
export const verdictLabels: Record<string, string> = {
  ACHIEVED: 'Achieved', PARTLY_ACHIEVED: 'Partly achieved', NOT_ACHIEVED: 'Not achieved', NO_LONGER_APPLICABLE: 'No longer applicable',
};
export const responseLabels: Record<string, string> = {
  AWAITING_RESPONSE: 'Awaiting response', ACCEPTED: 'Accepted', PARTLY_ACCEPTED: 'Partly accepted', NOT_ACCEPTED: 'Not accepted',
};
export const actionStatusLabels: Record<string, string> = {
  PLANNED: 'Planned', IN_PROGRESS: 'In progress', BLOCKED: 'Blocked', COMPLETED: 'Completed', CANCELLED: 'Cancelled',
};
export const strengthLabels: Record<string, string> = { POLICY: 'Policy or plan', PRACTICE: 'Change in practice', OUTCOME: 'Measured outcome' };
export const verificationLabels: Record<string, string> = { UNVERIFIED: 'Unverified', ACCEPTED: 'Accepted', INSUFFICIENT: 'Insufficient' };
export const reportKindLabels: Record<string, string> = { THEMATIC: 'Thematic', INSPECTION: 'Inspection', FOLLOW_UP: 'Follow-up', JOINT: 'Joint' };
export const gapLabels: Record<string, string> = {
  CONFIRMED: 'Confirmed by inspectors', OVERSTATED: 'Overstated by owner', UNVERIFIED: 'Reported, not yet verified',
  UNDERSTATED: 'Achieved, not reported', NONE: 'Neither reported nor verified',
};
export const roleLabels: Record<string, string> = { ADMINISTRATOR: 'Administrator', INSPECTOR: 'Inspector', LEADER: 'Leader', VIEWER: 'Viewer' };
export const organisationKindLabels: Record<string, string> = {
  GOVERNMENT_DEPARTMENT: 'Government department', AGENCY: 'Agency', SERVICE: 'Service', REGION: 'Region',
  DELIVERY_UNIT: 'Delivery unit', INSPECTORATE: 'Inspectorate', OTHER: 'Other',
};

export const recommendationStatusChoices = choices(recommendationStatusLabels);
export const verdictChoices = choices(verdictLabels);
export const responseChoices = choices(responseLabels);
export const actionStatusChoices = choices(actionStatusLabels);
export const strengthChoices = choices(strengthLabels);
export const verificationChoices = choices(verificationLabels);
export const reportKindChoices = choices(reportKindLabels);
export const roleChoices = choices(roleLabels);
export const organisationKindChoices = choices(organisationKindLabels);

export const label = (labels: Record<string, string>, value: unknown) => (typeof value === 'string' ? (labels[value] ?? value) : '');
