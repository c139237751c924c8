import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * What one request may cost, checked before it runs. GraphQL Armor bounds the
 * document (aliases, tokens, directives, depth); Pothos's complexity plugin
 * (see builder.ts) bounds the work, counting each list by the page it asks for.
 */
export const LIMITS = {
  aliases: 15,
  tokens: 3000,
  directives: 10,
  depth: 12,
  complexity: 250_000,
  breadth: 400,
};

export function armor() {
  return new ApolloArmor({
    maxAliases: { n: LIMITS.aliases },
    maxTokens: { n: LIMITS.tokens },
    maxDirectives: { n: LIMITS.directives },
    maxDepth: { n: LIMITS.depth },
    // Pothos counts cost with the page sizes asked for; Armor's own estimate would double it.
    costLimit: { enabled: false },
    // Suggestions are kept for signed-in users and removed for others (plugins/schema-privacy.ts).
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
