import { Ajv, type Options } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

// ajv-formats is CommonJS; under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const shared: Options = { strict: false, allErrors: false, removeAdditional: false, discriminator: true };

/** Bodies are taken as sent: no type coercion, so `"12"` is not a number and `null` not `""`. */
const bodyAjv = addFormats(new Ajv({ ...shared, coerceTypes: false, useDefaults: false }));
/** Query strings and path parameters arrive as text and are coerced to their types. */
const urlAjv = addFormats(new Ajv({ ...shared, coerceTypes: 'array', useDefaults: true }));

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : urlAjv).compile(schema) as ReturnType<FastifySchemaCompiler<object>>;
