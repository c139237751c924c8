import { Router, type RequestHandler, type Response } from 'express';
import { followUpPackPdfAside } from '../documents/pdf-thread.ts';
import { requireActor } from '../domain/actor.ts';
import { loadFollowUpPack } from '../domain/follow-up-pack.ts';
import type { FollowUpPack } from '../domain/follow-up-pack-types.ts';
import { packFileName } from '../domain/follow-up-pack-wording.ts';
import { badUserInput } from '../errors.ts';
import { parseGlobalId } from '../graphql/shared/ids.ts';
import { answerRefusal } from './error-answers.ts';
import { actorOf, identify } from './identify.ts';
import type { OperationQueue } from './operation-queue.ts';

/** The pack the caller asked for, or a refusal answered with its status and the API's JSON errors. */
const answer = (send: (pack: FollowUpPack, res: Response) => Promise<void>): RequestHandler => async (req, res, next) => {
  // The pack is private to its caller: no browser or proxy keeps a copy.
  res.set('Cache-Control', 'no-store');
  try {
    // The caller first: without credentials, even a malformed id is answered 401.
    const actor = requireActor(actorOf(res));
    const id = parseGlobalId(String(req.params.id));
    if (!id || id.type !== 'Report') throw badUserInput('Not the id of a report.');
    await send(await loadFollowUpPack(actor, id.id), res);
  } catch (error) {
    if (!answerRefusal(res, error)) next(error);
  }
};

/**
 * The follow-up pack of a report: as a PDF to download, and as JSON for the app's print page, so
 * both show the one pack the domain gathers. Each waits its turn in the operation queue like an
 * API operation, shared by caller as `identify` names them, so making PDFs cannot crowd out the API.
 */
export function followUpPackRouter(queue: OperationQueue): Router {
  const router = Router();
  router.get(
    '/reports/:id/follow-up-pack.pdf',
    identify,
    queue.wrap(answer(async (pack, res) => {
      const pdf = await followUpPackPdfAside(pack);
      res.attachment(packFileName(pack)).type('application/pdf').send(pdf);
    })),
  );
  router.get(
    '/reports/:id/follow-up-pack.json',
    identify,
    queue.wrap(answer(async (pack, res) => {
      res.json(pack);
    })),
  );
  return router;
}
