import type { Request, RequestHandler, Response } from 'express';
import { authenticate } from '../auth/authenticate.ts';
import type { Actor } from '../domain/actor.ts';
import { answerRefusal } from './error-answers.ts';

type Identified = { actor: Actor | null; caller: string };

export const addressOf = (req: Request) => req.ip ?? req.socket.remoteAddress ?? 'unknown';

/**
 * Who is asking, for every route that needs to know (the API, evidence files, the follow-up
 * pack), before the request takes its place in the operation queue, so that the queue shares
 * turns between real callers: a script's API token, a person (all their sessions together), or,
 * for nobody signed in, the address. A bearer token that is not valid is answered 401 here, at
 * once: made-up credentials are never callers of their own.
 */
export const identify: RequestHandler = async (req, res, next) => {
  try {
    const actor = await authenticate(req.headers);
    const caller = actor ? (actor.apiTokenId !== null ? `token ${actor.apiTokenId}` : `user ${actor.userId}`) : `address ${addressOf(req)}`;
    Object.assign(res.locals, { actor, caller } satisfies Identified);
    next();
  } catch (error) {
    if (!answerRefusal(res, error)) next(error);
  }
};

/** The actor `identify` found for this request: null for nobody signed in. */
export const actorOf = (res: Response): Actor | null => (res.locals as Identified).actor;
