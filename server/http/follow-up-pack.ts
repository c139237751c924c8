import { Router, type Request, type RequestHandler, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/authenticate.ts';
import { followUpPackPdfAside } from '../documents/pdf-thread.ts';
import { requireActor } from '../domain/actor.ts';
import { loadFollowUpPack } from '../domain/follow-up-pack.ts';
import type { FollowUpPack } from '../domain/follow-up-pack-types.ts';
import { packFileName } from '../domain/follow-up-pack-wording.ts';
import { badUserInput } from '../errors.ts';
import { parseGlobalId } from '../graphql/shared/ids.ts';
import type { OperationQueue } from './operation-queue.ts';

/** The HTTP status of each refusal the pack's routes give, by the error's stable code. */
const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, BAD_USER_INPUT: 400 };

/**
 * Who asks, as /graphql decides it (a bearer token, or the session cookie), and the pack they may
 * read; a refusal is answered with its status and the same JSON errors the API gives.
 */
async function packFor(req: Request): Promise<FollowUpPack> {
  // The caller first: without credentials, even a malformed id is answered 401.
  const actor = requireActor(await authenticate(req.headers));
  const id = parseGlobalId(String(req.params.id));
  if (!id || id.type !== 'Report') throw badUserInput('Not the id of a report.');
  return loadFollowUpPack(actor, id.id);
}

function refusal(res: Response, error: unknown): boolean {
  const code = error instanceof GraphQLError ? String(error.extensions.code) : '';
  if (!STATUS[code]) return false;
  res.status(STATUS[code]!).json({ errors: [{ message: (error as GraphQLError).message, extensions: { code } }] });
  return true;
}

const answer = (send: (pack: FollowUpPack, res: Response) => Promise<void>): RequestHandler => async (req, res, next) => {
  // The pack is private to its caller: no browser or proxy keeps a copy.
  res.set('Cache-Control', 'no-store');
  try {
    await send(await packFor(req), res);
  } catch (error) {
    if (!refusal(res, error)) next(error);
  }
};

/**
 * The follow-up pack of a report: as a PDF to download, and as JSON for the app's print page, so
 * both show the one pack the domain gathers. Each waits its turn in the operation queue like an
 * API operation, so making PDFs cannot crowd out the API.
 */
export function followUpPackRouter(queue: OperationQueue): Router {
  const router = Router();
  router.get(
    '/reports/:id/follow-up-pack.pdf',
    queue.wrap(answer(async (pack, res) => {
      const pdf = await followUpPackPdfAside(pack);
      res.attachment(packFileName(pack)).type('application/pdf').send(pdf);
    })),
  );
  router.get(
    '/reports/:id/follow-up-pack.json',
    queue.wrap(answer(async (pack, res) => {
      res.json(pack);
    })),
  );
  return router;
}
