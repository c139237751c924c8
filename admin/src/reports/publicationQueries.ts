/** Whether a report is on its public page (server/graphql/reports/publication.ts). */
export const reportPublicationQuery = `query ReportPublication($id: ID!) { node(id: $id) { id ... on Report { isPublic viewerCanPublish version } } }`;
export const setReportPublicMutation = `mutation SetReportPublic($input: SetReportPublicInput!) { setReportPublic(input: $input) { id isPublic version } }`;
export const recommendationInternalQuery = `query RecommendationInternal($id: ID!) { node(id: $id) { id ... on Recommendation { isInternal version report { viewerCanPublish } } } }`;
export const setRecommendationInternalMutation = `mutation SetRecommendationInternal($input: SetRecommendationInternalInput!) { setRecommendationInternal(input: $input) { id isInternal version } }`;
