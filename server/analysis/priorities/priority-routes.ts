import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Analyse } from '../analysis-limits.js';
import { errorResponses } from '../../http/error-schema.js';
import { serializeAsBuilt } from '../../http/response-serializer.js';
import { today } from '../../http/today.js';
import { planDeployment, type PlanObjective } from './deployment-plan.js';
import { findPriorities } from './find-priorities.js';
import { priorityParamsFrom, priorityProperties, prioritiesQuerySchema, type PrioritiesQuery } from './priority-params.js';
import { canonicalProvince } from '../../domain/provinces.js';
import { HOME_PROVINCE_DEFAULT } from './priority-area.js';
import { planObjectiveSchema, planSchema, rankingSchema } from './priority-schema.js';

// In a body every parameter but `units` may be left out; priorityParamsFrom fills the defaults.
const optionalPriorityProperties = Object.fromEntries(Object.entries(priorityProperties).map(([name, schema]) => [name, Type.Optional(schema)]));
const planBody = Type.Object(
  {
    units: Type.Integer({ minimum: 1, maximum: 200, description: 'how many Mining Police units to place' }),
    objective: Type.Optional(planObjectiveSchema),
    ...optionalPriorityProperties,
  },
  { additionalProperties: false },
);

/** The working group's ranking and its deployment planner. */
export async function priorityRoutes(fastify: FastifyInstance, options: { analyse: Analyse; homeProvince?: string }): Promise<void> {
  const { analyse } = options;
  // HOME_PROVINCE (server/config.ts): the area when a request names none.
  const home = canonicalProvince(options.homeProvince) ?? HOME_PROVINCE_DEFAULT;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.setSerializerCompiler(serializeAsBuilt);
  app.get(
    '/api/analysis/priorities',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Every ZEA and every site outside a ZEA in an area (default: the home province) ranked by need for Mining Police, factor by factor',
        querystring: prioritiesQuerySchema,
        response: { 200: rankingSchema, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.type('application/geo+json').send(await analyse((db) => findPriorities(db, priorityParamsFrom(request.query, today(), home), home))),
  );

  app.post<{ Body: PrioritiesQuery & { units: number; objective?: PlanObjective } }>(
    '/api/analysis/deployment-plan',
    {
      schema: {
        tags: ['analysis'],
        summary: 'Where to station N units in an area: neediest place first (default), or the most summed need (objective=coverage)',
        body: planBody,
        response: { 200: planSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { units, objective, ...query } = request.body;
      return reply
        .type('application/geo+json')
        .send(await analyse((db) => planDeployment(db, priorityParamsFrom(query, today(), home), units, objective ?? 'neediest_first', home)));
    },
  );
}
