import { Type, type Static, type TSchema } from 'typebox';
import { DATE } from '../../http/date-param.js';

/** The answer of `GET /api/analysis/changes` (find-changes.ts). No Node here: the pages import these types. */
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const CHANGE_KINDS = ['contested', 'site', 'route', 'incident'] as const;
export const CHANGES = ['appeared', 'ended', 'worsened', 'eased', 'rose', 'cleared', 'occurred'] as const;

export const changeSchema = Type.Object(
  {
    kind: Type.Enum([...CHANGE_KINDS], { description: 'a contested zone, a mine site’s flags (R1–R4), a route’s militarised length (R8, R9), an incident' }),
    change: Type.Enum([...CHANGES], {
      description: 'contested: appeared, ended, worsened or eased (severity); site and route: rose or cleared; incident: occurred between the two dates',
    }),
    name: Type.String({ description: 'what the change is about: the claimant cooperatives, the site, the route, the incident’s category' }),
    lon: Type.Number(),
    lat: Type.Number(),
    date: Type.String({ format: 'date', description: 'the day the map shows it: `to` for what rose, `from` for what cleared, the incident’s day' }),
    rules: Type.Array(Type.String(), { description: 'the rules behind it (for what cleared: those that no longer fire)' }),
    severity_before: nullable(Type.String()),
    severity_after: nullable(Type.String()),
    km_before: nullable(Type.Number()),
    km_after: nullable(Type.Number()),
    category: nullable(Type.String()),
    evidence: Type.Array(Type.Object({ layer: Type.String(), id: Type.Integer() }, { additionalProperties: false }), {
      description: 'the records it rests on (claims, presence, visits, roadblocks, incidents), at the date it is shown',
    }),
  },
  { additionalProperties: false },
);

export const changesSchema = Type.Object(
  {
    from: DATE,
    to: DATE,
    changes: Type.Array(changeSchema, { description: 'what rose first, then what cleared, then the incidents, most recent first' }),
    counts: Type.Object(
      { rose: Type.Integer(), cleared: Type.Integer(), incidents: Type.Integer() },
      { additionalProperties: false, description: 'how many changes of each sort' },
    ),
  },
  { additionalProperties: false },
);

export type Change = Static<typeof changeSchema>;
export type Changes = Static<typeof changesSchema>;
