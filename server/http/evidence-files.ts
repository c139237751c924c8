import { Router } from 'express';
import { requireActor } from '../domain/actor.ts';
import { readEvidenceFile, safeContentType } from '../domain/evidence-files/files.ts';
import { parseGlobalId } from '../graphql/shared/ids.ts';
import { answerRefusal } from './error-answers.ts';
import { actorOf, identify } from './identify.ts';

/**
 * GET /evidence-files/:id — a file attached to evidence, for someone who may read the evidence
 * (signed in, or with an API token). Always a download: the browser is told to save it, never to
 * show it (Content-Disposition: attachment), not to guess another type than the one its content
 * showed on upload (nosniff), and, should it open it anyway, to run nothing in it (a sandbox CSP).
 */
export function evidenceFilesRouter(): Router {
  const router = Router();
  router.get('/evidence-files/:id', identify, async (req, res, next) => {
    res.set('Cache-Control', 'private, no-store');
    try {
      const parsed = parseGlobalId(String(req.params.id));
      const file = await readEvidenceFile(requireActor(actorOf(res)), parsed?.type === 'EvidenceFile' ? parsed.id : null);
      res.attachment(file.name);
      res.set({
        'Content-Type': safeContentType(file.contentType),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      });
      res.send(file.content);
    } catch (error) {
      if (!answerRefusal(res, error)) next(error);
    }
  });
  return router;
}
