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
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((error as { code: string }).code);
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
