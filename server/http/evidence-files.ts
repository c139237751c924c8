import { Router, type Response } from 'express';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/authenticate.ts';
import { readEvidenceFile, safeContentType } from '../domain/evidence-files/files.ts';
import { can } from '../domain/permissions.ts';
import { parseGlobalId } from '../graphql/shared/ids.ts';

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
}

/**
 * GET /evidence-files/:id — a file attached to evidence, for someone who may read the evidence
 * (signed in, or with an API token). Always a download: the browser is told to save it, never to
 * show it (Content-Disposition: attachment), not to guess another type than the one its content
 * showed on upload (nosniff), and, should it open it anyway, to run nothing in it (a sandbox CSP).
 */
export function evidenceFilesRouter(): Router {
  const router = Router();
  router.get('/evidence-files/:id', async (req, res, next) => {
    res.set('Cache-Control', 'private, no-store');
    try {
      const actor = await authenticate(req.headers);
      if (!actor) return refuse(res, 401, 'UNAUTHENTICATED', 'Sign in, or send an API token, first.');
      if (!can(actor, 'readRecords')) return refuse(res, 403, 'FORBIDDEN', 'You may not do this.');
      const parsed = parseGlobalId(req.params.id);
      const file = parsed?.type === 'EvidenceFile' ? await readEvidenceFile(actor, parsed.id) : null;
      if (!file) return refuse(res, 404, 'NOT_FOUND', 'The file was not found');
      res.attachment(file.name);
      res.set({
        'Content-Type': safeContentType(file.contentType),
        'X-Content-Type-Options': 'nosniff',
        'Content-Security-Policy': "default-src 'none'; sandbox",
      });
      res.send(file.content);
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') return refuse(res, 401, 'UNAUTHENTICATED', error.message);
      next(error);
    }
  });
  return router;
}
