import type { Actor } from '../domain/actor.ts';

export type { Actor };

export type Context = {
  /** Null until the request is authenticated. */
  actor: Actor | null;
};
