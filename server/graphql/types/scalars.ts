import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function parseDate(value: unknown): Date {
  if (typeof value === 'string' && DATE.test(value)) {
    const date = new Date(`${value}T00:00:00.000Z`);
    if (!Number.isNaN(date.getTime()) && date.toISOString().startsWith(value)) return date;
  }
  throw new GraphQLError('Expected a calendar date as YYYY-MM-DD', { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDateTime(value: unknown): Date {
  if (typeof value === 'string') {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime()) && /T\d{2}:\d{2}/.test(value)) return date;
  }
  throw new GraphQLError('Expected a date and time in ISO 8601 form', { extensions: { code: 'BAD_USER_INPUT' } });
}

builder.scalarType('Date', {
  description: 'A calendar date, YYYY-MM-DD, without time or zone.',
  serialize: (value) => value.toISOString().slice(0, 10),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('DateTime', {
  description: 'An instant, in ISO 8601 form with its time zone (UTC on output).',
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
