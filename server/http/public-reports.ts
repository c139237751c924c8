import { createHash } from 'node:crypto';
import { Router } from 'express';
import { createElement as h, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { prisma } from '../db/client.ts';
import { label, NO_VERDICT, recommendationStatusLabels, reportKindLabels, responseLabels, verdictLabels } from '../domain/enum-labels.ts';
import { readableDay } from '../domain/locale.ts';
import { PUBLIC_REPORTS_PATH, publicReport, type PublicReport } from '../domain/publication.ts';
import { MAX_RECORD_ID } from '../graphql/shared/ids.ts';

/**
 * The public view: a read-only page per report, without signing in, when PUBLIC_REPORTS is on. Only
 * reports marked public, and of them only what domain/publication.ts selects; React renders the page,
 * so every value is escaped. The page runs no script and loads nothing: its policy allows its one
 * inline style block and nothing else.
 */

const STYLE = `
body { font: 16px/1.5 system-ui, sans-serif; color: #1b1b1b; max-width: 60rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
.meta { color: #505a5f; margin: 0 0 1rem; } .summary { white-space: pre-line; }
article { border-top: 1px solid #b1b4b6; padding: .75rem 0; } article h3 { font-size: 1rem; margin: 0 0 .25rem; }
article p { margin: .25rem 0; white-space: pre-line; } dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0 0; }
dt { color: #505a5f; } dd { margin: 0; } ul { margin: 0; padding-left: 1.2rem; } footer { margin-top: 2rem; color: #505a5f; font-size: .9rem; }
`;

const POLICY = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function recommendation(rec: PublicReport['recommendations'][number]): ReactNode {
  const verdict = rec.latestVerdict
    ? `${label(verdictLabels, rec.latestVerdict)}${rec.latestAssessment ? ` (${readableDay(rec.latestAssessment.assessedOn)})` : ''}`
    : NO_VERDICT;
  return h(
    'article',
    { key: rec.id },
    h('h3', null, `Recommendation ${rec.reference}`),
    h('p', null, rec.text),
    h(
      'dl',
      null,
      h('dt', null, 'Status reported'),
      h('dd', null, rec.withdrawnAt ? `Withdrawn (${readableDay(rec.withdrawnAt)})` : label(recommendationStatusLabels, rec.status)),
      rec.targetDate && [h('dt', { key: 't' }, 'Target date'), h('dd', { key: 'd' }, readableDay(rec.targetDate))],
      h('dt', null, 'Inspectors’ verdict'),
      h('dd', null, verdict),
      h('dt', null, 'Addressed to'),
      h(
        'dd',
        null,
        h(
          'ul',
          null,
          rec.addressees.map((addressee, index) =>
            h('li', { key: index }, `${addressee.organisation.name}: ${label(responseLabels, addressee.response)}`, addressee.responseNote && ` — ${addressee.responseNote}`),
          ),
        ),
      ),
    ),
  );
}

/** The whole page: the report, then each recommendation not marked internal. */
export function renderPublicReport(report: PublicReport): string {
  const page = h(
    'html',
    { lang: 'en-GB' },
    h(
      'head',
      null,
      h('meta', { charSet: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', null, report.title),
      h('style', { dangerouslySetInnerHTML: { __html: STYLE } }),
    ),
    h(
      'body',
      null,
      h(
        'main',
        null,
        h('h1', null, report.title),
        h('p', { className: 'meta' }, `${label(reportKindLabels, report.kind)} report by ${report.inspectorate.name}, published ${readableDay(report.publishedOn)}`),
        report.url && h('p', null, h('a', { href: report.url, rel: 'noopener noreferrer' }, 'The report as published')),
        report.summary && h('p', { className: 'summary' }, report.summary),
        h('h2', null, `Recommendations (${report.recommendations.length})`),
        report.recommendations.map(recommendation),
        h('footer', null, 'Progress as reported by the organisations addressed, and the inspectors’ verdicts.'),
      ),
    ),
  );
  return `<!doctype html>${renderToStaticMarkup(page)}`;
}

/** GET /public/reports/:id, answered 404 for every path under /public when the public view is off. */
export function publicReportsRouter(enabled: boolean): Router {
  const router = Router();
  router.use('/public', (request, response, next) => {
    if (!enabled || request.method !== 'GET') return notFound(response);
    next();
  });
  router.get(`${PUBLIC_REPORTS_PATH}/:id`, async (request, response, next) => {
    const id = /^[1-9]\d{0,9}$/.test(request.params.id) ? Number(request.params.id) : NaN;
    if (!(id <= MAX_RECORD_ID)) return notFound(response);
    try {
      const report = await publicReport(prisma, id);
      if (!report) return notFound(response);
      response
        .status(200)
        .set({ 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': POLICY, 'Cache-Control': 'no-cache', 'Referrer-Policy': 'no-referrer' })
        .send(renderPublicReport(report));
    } catch (error) {
      next(error);
    }
  });
  router.use('/public', (_request, response) => notFound(response));
  return router;
}

function notFound(response: import('express').Response): void {
  response.status(404).set({ 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': POLICY, 'Cache-Control': 'no-store' }).send('Not found');
}
