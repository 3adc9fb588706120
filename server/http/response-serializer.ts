import type { FastifySerializerCompiler } from 'fastify';

/**
 * Answers are written with JSON.stringify, not with the fast-json-stringify serializer that a
 * response schema otherwise compiles: that one silently drops every member its schema does not
 * declare, and walks a province's GeoJSON more slowly than JSON.stringify does. The response
 * schemas document the answers (the OpenAPI document) and type the handlers;
 * tests/http/response-contract.test.ts holds the real answers to them.
 */
export const serializeAsBuilt: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);
