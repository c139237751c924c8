import { apiTokenFields } from '../providers/fields.ts';

export type ApiToken = {
  id: string; name: string; access: 'READ' | 'READ_WRITE'; prefix: string; createdAt: string; expiresAt: string | null;
  lastUsedAt: string | null; revokedAt: string | null; isActive: boolean; user: { id: string; name: string; email: string };
};

export const tokensQuery = `query ApiTokens($all: Boolean) { apiTokens(all: $all) { ${apiTokenFields} } }`;
export const createTokenMutation = `mutation CreateApiToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret token { ${apiTokenFields} } } }`;
export const revokeTokenMutation = `mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { ${apiTokenFields} } }`;
