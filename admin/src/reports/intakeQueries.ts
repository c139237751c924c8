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
/** Active organisations whose name or short name holds the words typed: a page of them, however many there are. */
export const intakeOrganisationsQuery = `query IntakeOrganisations($search: String) {
  organisations(first: 50, filter: { search: $search, active: true }, orderBy: { field: NAME, direction: ASC }) { edges { node { id name shortName } } }
}`;
