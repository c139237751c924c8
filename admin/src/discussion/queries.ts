/** The discussion's GraphQL documents (server/graphql/discussion/). */

export type DiscussionComment = {
  id: string;
  text: string | null;
  createdAt: string;
  deletedAt: string | null;
  author: { id: string; name: string; role: string; organisation: { name: string } | null };
  mentions: { person: { id: string; name: string } }[];
  viewerCanDelete: boolean;
};

export type Participant = { name: string; role: string; organisationName: string | null };

export type MentionNotice = { comment: { id: string; text: string | null; createdAt: string; author: { name: string }; recommendation: { id: string; reference: string; report: { title: string } }; actionItem: { id: string; description: string } | null } };

const comment = `id text createdAt deletedAt author { id name role organisation { name } } mentions { person { id name } } viewerCanDelete`;

export const recommendationDiscussionQuery = `query RecommendationDiscussion($id: ID!) {
  node(id: $id) { id ... on Recommendation { viewerCanReadDiscussion viewerCanDiscuss discussion { ${comment} } } }
}`;

export const actionItemDiscussionQuery = `query ActionItemDiscussion($id: ID!) {
  node(id: $id) { id ... on ActionItem { recommendation { id } viewerCanDiscuss discussion { ${comment} } } }
}`;

export const participantsQuery = `query DiscussionParticipants($recommendationId: ID!, $search: String) {
  discussionParticipants(recommendationId: $recommendationId, search: $search) { name role organisationName }
}`;

export const addCommentMutation = `mutation AddComment($input: AddCommentInput!) { addComment(input: $input) { ${comment} } }`;

export const deleteCommentMutation = `mutation DeleteComment($input: DeleteCommentInput!) { deleteComment(input: $input) { ${comment} } }`;

export const markMentionsReadMutation = `mutation MarkMentionsRead($input: MarkMentionsReadInput!) { markMentionsRead(input: $input) }`;

export const unreadMentionsQuery = `query UnreadMentions {
  unreadMentionCount
  myMentions { comment { id text createdAt author { name } recommendation { id reference report { title } } actionItem { id description } } }
}`;
