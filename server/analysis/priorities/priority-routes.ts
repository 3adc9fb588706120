import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Analyse } from '../analysis-limits.js';
import { errorResponses } from '../../http/error-schema.js';
import { serializeAsBuilt } from '../../http/response-serializer.js';
import { today } from '../../http/today.js';
import { planDeployment } from './deployment-plan.js';
import { findPriorities } from './find-priorities.js';
import { priorityParamsFrom, priorityProperties, prioritiesQuerySchema, type PrioritiesQuery } from './priority-params.js';
import { planSchema, rankingSchema } from './priority-schema.js';

// In a body every parameter but `units` may be left out; priorityParamsFrom fills the defaults.
const optionalPriorityProperties = Object.fromEntries(Object.entries(priorityProperties).map(([name, schema]) => [name, Type.Optional(schema)]));
const planBody = Type.Object(
  { units: Type.Integer({ minimum: 1, maximum: 200, description: 'how many Mining Police units to place' }), ...optionalPriorityProperties },
  { additionalProperties: false },
);

/** The working group's ranking and its deployment planner. */
export async function priorityRoutes(fastify: FastifyInstance, options: { analyse: Analyse }): Promise<void> {
  const { analyse } = options;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSerializerCompiler(serializeAsBuilt);
  app.get(
    '/api/analysis/priorities',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Every ZEA and every site outside a ZEA ranked by need for Mining Police, factor by factor',
        querystring: prioritiesQuerySchema,
        response: { 200: rankingSchema, ...errorResponses },
      },
    },
    async (request, reply) => reply.type('application/geo+json').send(await analyse((db) => findPriorities(db, priorityParamsFrom(request.query, today())))),
  );

  app.post<{ Body: PrioritiesQuery & { units: number } }>(
    '/api/analysis/deployment-plan',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Where to station N units to cover the most uncovered need (greedy maximum coverage)',
        body: planBody,
        response: { 200: planSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { units, ...query } = request.body;
      return reply.type('application/geo+json').send(await analyse((db) => planDeployment(db, priorityParamsFrom(query, today()), units)));
    },
  );
}
