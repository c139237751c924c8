/** What the API explorer opens with: an operation a script writer might start from. */
export const exampleOperation = `query OverdueRecommendations($first: Int) {
  recommendations(first: $first, filter: { overdue: true }) {
    totalCount
    edges {
      node {
        reference
        text
        owner { name }
        targetDate
        report { title }
      }
    }
  }
}
`;

export const exampleVariables = '{ "first": 5 }';
