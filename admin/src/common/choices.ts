/** Choices for the API's enums; the words themselves are the server's (shared with history and exports). */
import {
  actionStatusLabels, digestFrequencyLabels, GAP_HEADING, gapLabels, label, organisationKindLabels, recommendationStatusLabels, reportKindLabels, responseLabels, responseTimelinessLabels,
  roleLabels, strengthLabels, verdictLabels, verdictText, NO_VERDICT, verificationLabels, gapText,
} from '../../../server/domain/enum-labels.ts';

export {
  actionStatusLabels, digestFrequencyLabels, GAP_HEADING, gapLabels, label, organisationKindLabels, recommendationStatusLabels, reportKindLabels, responseLabels, responseTimelinessLabels,
  roleLabels, strengthLabels, verdictLabels, verdictText, NO_VERDICT, verificationLabels, gapText,
};

type Choice = { id: string; name: string };

const choices = (labels: Record<string, string>): Choice[] => Object.entries(labels).map(([id, name]) => ({ id, name }));

export const recommendationStatusChoices = choices(recommendationStatusLabels);
export const verdictChoices = choices(verdictLabels);
export const responseChoices = choices(responseLabels);
export const responseTimelinessChoices = choices(responseTimelinessLabels);
export const gapChoices = choices(gapLabels);
export const actionStatusChoices = choices(actionStatusLabels);
export const strengthChoices = choices(strengthLabels);
export const verificationChoices = choices(verificationLabels);
export const reportKindChoices = choices(reportKindLabels);
export const roleChoices = choices(roleLabels);
export const organisationKindChoices = choices(organisationKindLabels);
export const digestFrequencyChoices = choices(digestFrequencyLabels);

