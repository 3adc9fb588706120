import { HttpError, badRequest, conflict } from '../http/errors.js';

interface PostgresError {
  code: string;
  message: string;
  detail?: string;
  constraint?: string;
  column?: string;
  table?: string;
}

function isPostgresError(error: unknown): error is PostgresError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { code?: unknown }).code === 'string' &&
    /^[0-9A-Z]{5}$/.test((error as { code: string }).code)
  );
}

/**
 * The migrations name the rules that span columns (`valid_period`, `link_kind_with_cooperative`)
 * so that they can be put in words here; one-column CHECKs keep PostgreSQL's names
 * (`<table>_<column>_check`), from which the column is read.
 */
function describeCheck(constraint: string | undefined): string {
  if (constraint === 'valid_period') return 'valid_to must not be before valid_from';
  if (constraint === 'link_kind_with_cooperative') return 'linked_cooperative_id and link_kind go together: give both or neither';
  if (constraint && /_geom_check$/.test(constraint)) return 'the geometry is not valid or not of a type this layer accepts';
  const column = constraint?.match(/^[a-z_]+?_([a-z_]+)_check$/)?.[1];
  return `the record breaks the rule '${constraint ?? 'check'}'${column ? ` on ${column}` : ''}`;
}

/**
 * Turns a constraint the database enforced into the client error it is, in words a
 * user can act on. Anything else is left alone and becomes a 500 without its SQL.
 * Both drivers (pg and PGlite) report SQLSTATE codes and constraint details alike.
 */
export function translateDatabaseError(error: unknown, action: 'write' | 'delete' = 'write'): unknown {
  if (!isPostgresError(error)) return error;
  switch (error.code) {
    case '23001': // restrict_violation (ON DELETE RESTRICT)
    case '23503': // foreign_key_violation
      return action === 'delete'
        ? conflict(`still referred to by other records (${error.detail ?? error.constraint ?? 'foreign key'}); remove or re-point those first`)
        : badRequest(`refers to a record that does not exist: ${error.detail ?? error.constraint ?? ''}`.trim());
    case '23505': // unique_violation
      return conflict(`a record with the same key exists already: ${error.detail ?? error.constraint ?? ''}`.trim());
    case '23502': // not_null_violation
      return badRequest(`property '${error.column ?? '?'}' may not be null`);
    case '23514': // check_violation
      return badRequest(describeCheck(error.constraint), { constraint: error.constraint });
    case '22P02': // invalid_text_representation
    case '22007': // invalid_datetime_format
    case '22008': // datetime_field_overflow
    case '22003': // numeric_value_out_of_range
      return badRequest(`a value has the wrong form: ${error.message}`);
    default:
      return error;
  }
}

export function isHttpError(error: unknown): error is HttpError {
  return error instanceof HttpError;
}

/** How long a client should wait before trying again when the database is away: a restart or a failover takes seconds. */
export const DATABASE_RETRY_SECONDS = 5;

/** Node's socket errors on the way to the server (pg passes them on as they are). */
const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** What pg and pg-pool say, without a code, when a connection dies or cannot be had. */
const CONNECTION_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end)/;

/** SQLSTATEs of a server that is there but cannot serve now: restarting, shutting down, out of connections or memory. */
const UNAVAILABLE_STATES: Record<string, string> = {
  '57P01': 'the database is restarting', // admin_shutdown
  '57P02': 'the database is restarting', // crash_shutdown
  '57P03': 'the database is starting up', // cannot_connect_now
  '53300': 'the database has no free connection', // too_many_connections
  // An operator's pg_cancel_backend, or a statement_timeout set on the server: not the request's fault.
  '57014': 'the database stopped this request (cancelled, or over its time limit)', // query_canceled
  // Memory comes back when other queries end, so a retry can succeed: 503, not 507.
  '53200': 'the database is out of memory', // out_of_memory
};

function unavailable(reason: string): HttpError {
  return new HttpError(503, `${reason} just now; try again in a few seconds`, undefined, { 'retry-after': String(DATABASE_RETRY_SECONDS) });
}

/**
 * A database that is away or full, as the status a client can act on: 503 with Retry-After
 * (unreachable, restarting, no free connection), 507 (disk full). Undefined for anything
 * else. The words never carry the driver's message, which may name the server or the SQL.
 */
export function databaseFault(error: unknown): HttpError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  // Node reports a connection refused by every address of a name as one AggregateError.
  if (error instanceof AggregateError) return error.errors.map(databaseFault).find(Boolean);
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (CONNECTION_ERRNOS.has(code)) return unavailable('the database cannot be reached');
    if (code === 'ENOSPC') return diskFull();
  }
  if (isPostgresError(error)) {
    if (error.code.startsWith('08')) return unavailable('the connection to the database failed'); // connection_exception
    if (error.code === '53100') return diskFull(); // disk_full
    const reason = UNAVAILABLE_STATES[error.code];
    return reason ? unavailable(reason) : undefined;
  }
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return unavailable('the connection to the database was lost');
  return undefined;
}

function diskFull(): HttpError {
  return new HttpError(507, "the database's disk is full, so nothing could be saved; an administrator must free space before changes can be made again");
}
