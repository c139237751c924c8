/** The GraphQL documents of loading a report's recommendations (LoadRecommendations.tsx). */

export const intakePreviewMutation = `mutation PreviewRecommendationIntake($input: PreviewRecommendationIntakeInput!) {
  previewRecommendationIntake(input: $input) {
    format warnings
    rows { reference text targetDate warnings addressees { id name shortName } }
  }
}`;
export const intakeRepeatCandidatesQuery = `query IntakeRepeatCandidates($input: IntakeDraftInput!) {
  intakeRepeatCandidates(input: $input) { score recommendation { id reference text status latestVerdict report { title publishedOn } } }
}`;
export const addRecommendationsMutation = `mutation AddRecommendations($input: AddRecommendationsInput!) { addRecommendations(input: $input) { id } }`;
export const intakeOrganisationsQuery = `query IntakeOrganisations { organisations(first: 200) { edges { node { id name shortName } } } }`;
