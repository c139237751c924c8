import type { Actor } from '../domain/actor.ts';
import type { OperationCost } from './cost.ts';

export type { Actor };

/** What the HTTP layer lends the API for the session cookie. */
export type SessionCookie = {
  /** The secret of the session this request came with, if any. */
  current(): string | undefined;
  start(secret: string, expiresAt: Date): void;
  end(): void;
};

export type Context = {
  /** Null until the request is authenticated. */
  actor: Actor | null;
  /** The client's network address, for the limits on sign-in attempts. */
  address: string;
  session: SessionCookie;
  /**
   * The operation's cost as estimated before it ran (http/graphql.ts), when that estimate was made:
   * within the limits, the complexity plugin need not estimate it again (builder.ts).
   */
  estimatedCost?: OperationCost | null;
  /** Set by the first sign-in of a request: a second one (say, through aliases) is refused. */
  signInAttempted?: boolean;
};
