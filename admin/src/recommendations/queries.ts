export type Candidate = {
  score: number;
  reasons: string[];
  recommendation: {
    id: string;
    reference: string;
    text: string;
    status: string;
    latestVerdict: string | null;
    report: { title: string; publishedOn: string };
  };
};

/**
 * The earlier recommendations this one probably repeats, best first, one per chain of repeats:
 * with the report, date, status and latest verdict an inspector decides by, and why each is proposed.
 */
export const repeatCandidatesQuery = `query RepeatCandidates($id: ID!) {
  repeatCandidates(recommendationId: $id, first: 5) {
    score reasons
    recommendation { id reference text status latestVerdict report { title publishedOn } }
  }
}`;

/** Withdraws a recommendation with the reason, kept in its history. */
export const withdrawRecommendationMutation = `mutation WithdrawRecommendation($input: WithdrawRecommendationInput!) { withdrawRecommendation(input: $input) { id version withdrawnAt } }`;
