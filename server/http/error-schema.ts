import { Type, type Static } from 'typebox';

/**
 * The one shape of every 4xx and 5xx answer (error-handler.ts): the status again, its reason,
 * a sentence for people, and for some refusals the details a program can act on (validation
 * issues with Ajv's keyword and params, the reason a geometry is invalid, what refers to a
 * record). Never a stack trace or SQL. No Node here: the web imports its type.
 */
export const errorSchema = Type.Object(
  {
    statusCode: Type.Integer({ minimum: 400, maximum: 599 }),
    error: Type.String({ description: 'the reason phrase of the status, e.g. "Bad Request"' }),
    message: Type.String({ description: 'what went wrong, in words a user can act on' }),
    details: Type.Optional(
      Type.Unknown({ description: 'for some refusals: the validation issues (instancePath, keyword, params, message) or other facts behind the message' }),
    ),
  },
  { description: 'an error: the same shape for every 4xx and 5xx answer' },
);

export type ErrorBody = Static<typeof errorSchema>;

/** Spread into a route's `response` beside its success answers. */
export const errorResponses = { '4xx': errorSchema, '5xx': errorSchema };
