import { ApolloArmor } from '@escape.tech/graphql-armor';

/**
 * What one request may cost, checked before it runs. GraphQL Armor bounds the
 * document (aliases, directives, depth), graphql-js its tokens; Pothos's complexity plugin
 * (see builder.ts) bounds the work, by the cost model in cost.ts.
 */
export const LIMITS = {
  aliases: 15,
  tokens: 3000,
  directives: 10,
  depth: 12,
  breadth: 400,
};

export function armor() {
  return new ApolloArmor({
    maxAliases: { n: LIMITS.aliases },
    // Tokens are counted by graphql-js's own parser (parseOptions in apollo.ts); Armor's plugin
    // for it turns a plain syntax error into an unexpected failure.
    maxTokens: { enabled: false },
    maxDirectives: { n: LIMITS.directives },
    maxDepth: { n: LIMITS.depth },
    // Pothos counts cost with the page sizes asked for; Armor's own estimate would double it.
    costLimit: { enabled: false },
    // Suggestions are kept for signed-in users and removed for others (plugins/schema-privacy.ts).
    blockFieldSuggestion: { enabled: false },
  }).protect();
}
