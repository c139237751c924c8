export type Candidate = { score: number; recommendation: { id: string; reference: string; text: string; report: { title: string; publishedOn: string } } };

/** Earlier recommendations whose text is like this one's: the repeats an inspector may link. */
export const repeatCandidatesQuery = `query RepeatCandidates($id: ID!) {
  repeatCandidates(recommendationId: $id, first: 5) { score recommendation { id reference text report { title publishedOn } } }
}`;
