import { GraphQLError, Kind } from 'graphql';
import { formatDay, withinDateRange, EARLIEST_DATE, LATEST_DATE } from '../../domain/dates.ts';
import { builder } from '../builder.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** ISO 8601 with a time zone: a time without one names no instant. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;
const RANGE = `between ${formatDay(EARLIEST_DATE)} and ${formatDay(LATEST_DATE)}`;

function badValue(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** A calendar date that exists (no 30 February) and falls within the product's range. */
function calendarDate(value: string): Date | null {
  if (!DATE.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && withinDateRange(date) ? date : null;
}

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? calendarDate(value) : null;
  if (!date) throw badValue(`Expected a calendar date as YYYY-MM-DD, ${RANGE}`);
  return date;
}

function parseDateTime(value: unknown): Date {
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (match) {
    const [, day, hours, minutes, seconds, , zoneHours, zoneMinutes] = match;
    const inRange = Number(hours) < 24 && Number(minutes) < 60 && Number(seconds ?? 0) < 60 && Number(zoneHours ?? 0) < 24 && Number(zoneMinutes ?? 0) < 60;
    const date = new Date(value as string);
    if (inRange && calendarDate(day!) && !Number.isNaN(date.getTime()) && withinDateRange(date)) return date;
  }
  throw badValue(`Expected a date and time in ISO 8601 form with its time zone (as 2024-03-01T09:30:00Z), ${RANGE}`);
}

builder.scalarType('Date', {
  description: `A calendar date, YYYY-MM-DD, without time or zone, ${RANGE}.`,
  serialize: (value) => formatDay(value)!,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

builder.scalarType('DateTime', {
  description: `An instant, in ISO 8601 form with its time zone (UTC on output), ${RANGE}.`,
  serialize: (value) => value.toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
