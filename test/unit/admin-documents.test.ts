import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, getNullableType, isEnumType, isInputObjectType, parse, validate } from 'graphql';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { createTokenMutation, revokeTokenMutation, tokensQuery } from '../../admin/src/apiTokens/queries.ts';
import { dashboardQuery } from '../../admin/src/dashboard/query.ts';
import { exampleOperation } from '../../admin/src/explorer/example.ts';
import { demoDataQuery } from '../../admin/src/layout/demoData.ts';
import { myWorkQuery, setDigestFrequencyMutation } from '../../admin/src/myWork/queries.ts';
import * as discussion from '../../admin/src/discussion/queries.ts';
import { listDocument, manyDocument, oneDocument, writeDocument } from '../../admin/src/providers/documents.ts';
import { resources, type Operation } from '../../admin/src/providers/resources.ts';
import { loginMutation, logoutMutation, meQuery } from '../../admin/src/providers/session.ts';
import { repeatCandidatesQuery, withdrawRecommendationMutation } from '../../admin/src/recommendations/queries.ts';
import { addRecommendationsMutation, intakeOrganisationsQuery, intakePreviewMutation, intakeRepeatCandidatesQuery } from '../../admin/src/reports/intakeQueries.ts';

// The committed schema is the server's truth: a field renamed there and left in the admin app fails here.
const schema = buildSchema(readFileSync(new URL('../../server/graphql/schema.graphql', import.meta.url), 'utf8'));
const adminSource = fileURLToPath(new URL('../../admin/src/', import.meta.url));

type Sent = { name: string; document: string };

/** Every document the data provider can build: each resource's reads and each of its writes. */
const resourceDocuments: Sent[] = Object.entries(resources).flatMap(([resource, mapping]) => {
  const writes: [string, Operation | undefined][] = [
    ['create', mapping.create],
    ['update', mapping.update],
    ['delete', mapping.delete],
    ...Object.entries(mapping.operations ?? {}).map(([name, operation]): [string, Operation] => [`operation ${name}`, operation]),
  ];
  return [
    { name: `${resource}: list`, document: listDocument(mapping, false) },
    ...(mapping.sort ? [{ name: `${resource}: sorted list`, document: listDocument(mapping, true) }] : []),
    { name: `${resource}: one`, document: oneDocument(mapping) },
    { name: `${resource}: many`, document: manyDocument(mapping) },
    ...writes.flatMap(([kind, operation]) => (operation ? [{ name: `${resource}: ${kind} (${operation.mutation})`, document: writeDocument(mapping, operation) }] : [])),
  ];
});

const literals = (file: string, documents: Record<string, string>): Sent[] =>
  Object.entries(documents).map(([name, document]) => ({ name: `${file}: ${name}`, document }));

/** The documents written out in full, outside the data provider. */
const literalDocuments: Sent[] = [
  ...literals('providers/session.ts', { meQuery, loginMutation, logoutMutation }),
  ...literals('dashboard/query.ts', { dashboardQuery }),
  ...literals('apiTokens/queries.ts', { tokensQuery, createTokenMutation, revokeTokenMutation }),
  ...literals('recommendations/queries.ts', { repeatCandidatesQuery }),
  ...literals('recommendations/WithdrawRecommendation.tsx', { withdrawRecommendationMutation }),
  ...literals('reports/intakeQueries.ts', { intakePreviewMutation, intakeRepeatCandidatesQuery, addRecommendationsMutation, intakeOrganisationsQuery }),
  ...literals('layout/demoData.ts', { demoDataQuery }),
  ...literals('myWork/queries.ts', { myWorkQuery, setDigestFrequencyMutation }),
  ...literals('discussion/queries.ts', discussion),
  ...literals('explorer/example.ts', { exampleOperation }),
];

const documents = [...resourceDocuments, ...literalDocuments];

function problems(document: string): string[] {
  try {
    return validate(schema, parse(document)).map((error) => error.message);
  } catch (error) {
    return [(error as Error).message];
  }
}

/** A string or template in the admin's source that reads as GraphQL; interpolations match anything. */
type SourceDocument = { at: string; pattern: RegExp };

const startsAnOperation = /^\s*(query|mutation|subscription)\b\s*([_A-Za-z]\w*)?\s*[({]/;

function looksLikeGraphql(parts: string[]): boolean {
  if (startsAnOperation.test(parts[0]!)) return true;
  if (!/^\s*\{/.test(parts[0]!)) return false;
  try {
    parse(parts.join('__typename'));
    return true;
  } catch {
    return false;
  }
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function sourceDocuments(): SourceDocument[] {
  const found: SourceDocument[] = [];
  const files = readdirSync(adminSource, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(join(adminSource, file), 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
    const visit = (node: ts.Node) => {
      let parts: string[] | undefined;
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) parts = [node.text];
      else if (ts.isTemplateExpression(node)) parts = [node.head.text, ...node.templateSpans.map((span) => span.literal.text)];
      if (parts && looksLikeGraphql(parts)) {
        const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        const opening = parts[0]!.trim().split('\n')[0]!.slice(0, 60);
        found.push({ at: `admin/src/${file}:${line}: ${opening}`, pattern: new RegExp(`^${parts.map(escapeRegExp).join('[\\s\\S]*')}$`) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe('the GraphQL documents the admin app sends', () => {
  it.each(documents.map((sent) => [sent.name, sent.document]))('%s is valid against schema.graphql', (_name, document) => {
    expect(problems(document)).toEqual([]);
  });

  describe('cover the app', () => {
    const inSource = sourceDocuments();

    it('every GraphQL string in admin/src is one validated here (export a new one and add it to literalDocuments)', () => {
      const unchecked = inSource.filter((found) => !documents.some((sent) => found.pattern.test(sent.document))).map((found) => found.at);
      expect(unchecked).toEqual([]);
    });

    // Guards the scan above: if it stopped seeing documents, it would pass on nothing.
    it('finds every validated document in admin/src', () => {
      const unseen = documents.filter((sent) => !inSource.some((found) => found.pattern.test(sent.document))).map((sent) => sent.name);
      expect(unseen).toEqual([]);
    });
  });

  // The sort travels as a variable, which validate() does not see.
  it('sorts lists by values the order enums have', () => {
    const wrong: string[] = [];
    for (const [resource, mapping] of Object.entries(resources)) {
      if (!mapping.sort) continue;
      const order = mapping.argTypes.orderBy ? schema.getType(mapping.argTypes.orderBy) : undefined;
      const fields = order && isInputObjectType(order) ? order.getFields() : {};
      const enumOf = (name: string) => {
        const type = fields[name] && getNullableType(fields[name].type);
        return isEnumType(type) ? type : undefined;
      };
      const [field, direction] = [enumOf('field'), enumOf('direction')];
      if (!field || !direction) {
        wrong.push(`${resource}: orderBy is not an input of a field and a direction`);
        continue;
      }
      for (const value of Object.values(mapping.sort)) if (!field.getValue(value)) wrong.push(`${resource}: ${field.name} has no ${value}`);
      for (const value of ['ASC', 'DESC']) if (!direction.getValue(value)) wrong.push(`${resource}: ${direction.name} has no ${value}`);
    }
    expect(wrong).toEqual([]);
  });
});
