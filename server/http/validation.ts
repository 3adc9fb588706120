import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const shared: Options = { strict: false, allErrors: false, removeAdditional: false, discriminator: true };

/** Bodies are taken as sent: no type coercion, so `"12"` is not a number and `null` not `""`. */
const bodyAjv = addFormats(new Ajv({ ...shared, coerceTypes: false, useDefaults: false }));
/** Query strings and path parameters arrive as text and are coerced to their types. */
const urlAjv = addFormats(new Ajv({ ...shared, coerceTypes: 'array', useDefaults: true }));

/**
 * Validators by the schema's text and the Ajv that compiled it. Fastify hands each app its own
 * copies of the route schemas, so Ajv's own cache (by object) misses, and every app built in a
 * process (the tests build hundreds) compiled them all again: a third of a second each time.
 * The schemas are fixed in the code, so this holds one validator per route part.
 */
const compiled = new Map<string, ValidateFunction>();

function compileOnce(ajv: Ajv, which: string, schema: object): ValidateFunction {
  const key = `${which}:${JSON.stringify(schema)}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? compileOnce(bodyAjv, 'body', schema) : compileOnce(urlAjv, 'url', schema)) as ReturnType<FastifySchemaCompiler<object>>;

/** Validates a value against a schema the way request bodies are, for importers. */
export function compileBodyValidator(schema: object): ValidateFunction {
  return compileOnce(bodyAjv, 'body', schema);
}

export interface ValidationIssue {
  instancePath: string;
  message?: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** "body/properties/legal_status must be one of: authorised, pending, unrecognised" */
export function describeIssue(context: string, issue: ValidationIssue): string {
  const where = `${context}${issue.instancePath}` || context;
  const allowed = (issue.params.allowedValues ?? (issue.params.allowedValue !== undefined ? [issue.params.allowedValue] : undefined)) as unknown[] | undefined;
  if (allowed) return `${where} must be one of: ${allowed.join(', ')}`;
  if (issue.keyword === 'additionalProperties') return `${where} has an unknown property '${String(issue.params.additionalProperty)}'`;
  if (issue.keyword === 'maxItems' && issue.params.limit === 2 && /coordinates/.test(issue.instancePath)) {
    return `${where} has more than 2 numbers: positions are longitude, latitude; heights (Z) and measures (M) are not stored, so send them without`;
  }
  return `${where} ${issue.message ?? 'is invalid'}`;
}
