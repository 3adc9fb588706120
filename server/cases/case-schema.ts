import { Type, type Static, type TSchema } from 'typebox';
import { DATE } from '../http/date-param.js';
import { ACTOR_KINDS, CASE_STATUSES, EVIDENCE_LAYERS, PARTY_KINDS, PLACE_KINDS, STEP_KINDS } from './case-vocabulary.js';

/**
 * What /api/cases takes and answers (case-routes.ts). The answers are written as built
 * (JSON.stringify), so these are the documentation tests/cases/cases-api.test.ts holds them
 * to. Members marked "internal" or "working group" are left out for the narrower profiles
 * (case-sharing.ts). No Node here: the pages import the types at the end.
 */
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const id = (description: string) => Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description });
const text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, description });

// ---------- what a client sends ----------

const coordinates = Type.Tuple([Type.Number({ minimum: -180, maximum: 180 }), Type.Number({ minimum: -90, maximum: 90 })], {
  description: 'a town: longitude, latitude (WGS84)',
});

export const placeInputSchema = Type.Object(
  {
    kind: Type.Enum([...PLACE_KINDS]),
    record_id: Type.Optional(id('claim, zone or site: the id of its record')),
    name: Type.Optional(text(300, 'a town: its name')),
    coordinates: Type.Optional(coordinates),
  },
  { additionalProperties: false, description: 'a claim, zone or site by its record id; or a town by name, with a point if known' },
);

export const partyInputSchema = Type.Object(
  {
    kind: Type.Enum([...PARTY_KINDS]),
    cooperative_id: Type.Optional(id('a cooperative: the id of its record')),
    name: Type.Optional(text(300, 'any other party: its name')),
  },
  { additionalProperties: false, description: 'a cooperative by its record id; any other party by name' },
);

export const recordRefInputSchema = Type.Object(
  { layer: Type.Enum([...EVIDENCE_LAYERS]), id: id('the database id of the record') },
  { additionalProperties: false, description: 'an incident, presence record or claim the step rests on' },
);

export const followUpInputSchema = Type.Object(
  {
    action: text(2000, 'what is to be done'),
    owner: text(300, 'who is to do it'),
    due_on: { ...DATE, description: 'by when' },
    done_on: Type.Optional(nullable(DATE)),
  },
  { additionalProperties: false },
);

const stepMembers = {
  taken_on: { ...DATE, description: 'the day the step was taken' },
  kind: Type.Enum([...STEP_KINDS]),
  summary: text(5000, "the working group's account; not for partners"),
  shared_summary: Type.Optional(nullable(text(2000, 'written to be shared: the only text of a step that partners and the public see'))),
  actor_kind: Type.Optional(nullable(Type.Enum([...ACTOR_KINDS], { description: 'who acted, as a kind (partners see this, not the name)' }))),
  acted_by: Type.Optional(nullable(text(300, 'who acted, by name; not for partners'))),
  rests_on: Type.Optional(Type.Array(recordRefInputSchema, { maxItems: 200, description: 'the records the step rests on, in order' })),
};

export const stepInputSchema = Type.Object(
  { ...stepMembers, follow_ups: Type.Optional(Type.Array(followUpInputSchema, { maxItems: 50 })) },
  { additionalProperties: false },
);

/** A step's members to change; `rests_on` replaces the whole list. Follow-ups change through their own routes. */
export const stepPatchSchema = Type.Object(
  {
    taken_on: Type.Optional(stepMembers.taken_on),
    kind: Type.Optional(stepMembers.kind),
    summary: Type.Optional(stepMembers.summary),
    shared_summary: stepMembers.shared_summary,
    actor_kind: stepMembers.actor_kind,
    acted_by: stepMembers.acted_by,
    rests_on: stepMembers.rests_on,
  },
  { additionalProperties: false, minProperties: 1 },
);

export const followUpPatchSchema = Type.Object(
  {
    action: Type.Optional(followUpInputSchema.properties.action),
    owner: Type.Optional(followUpInputSchema.properties.owner),
    due_on: Type.Optional(DATE),
    done_on: Type.Optional(nullable(DATE)),
  },
  { additionalProperties: false, minProperties: 1 },
);

const caseMembers = {
  title: text(300),
  status: Type.Enum([...CASE_STATUSES]),
  opened_on: { ...DATE, description: 'the day the case was referred to the working group' },
  shareable: Type.Boolean({ description: 'true: partners and the public see the case, through their profile; default false' }),
  notes: nullable(Type.String({ maxLength: 10_000, description: 'internal notes; never leave the internal profile' })),
  places: Type.Array(placeInputSchema, { maxItems: 100 }),
  parties: Type.Array(partyInputSchema, { maxItems: 100 }),
};

export const caseInputSchema = Type.Object(
  {
    title: caseMembers.title,
    status: Type.Optional(caseMembers.status),
    opened_on: caseMembers.opened_on,
    shareable: Type.Optional(caseMembers.shareable),
    notes: Type.Optional(caseMembers.notes),
    illustrative: Type.Optional(Type.Boolean()),
    source: Type.Optional(text(100)),
    source_id: Type.Optional(nullable(text(200))),
    places: Type.Optional(caseMembers.places),
    parties: Type.Optional(caseMembers.parties),
    steps: Type.Optional(Type.Array(stepInputSchema, { maxItems: 500 })),
  },
  { additionalProperties: false },
);

/** The case's own members to change; `places` and `parties` replace the whole list. Steps change through their own routes. */
export const casePatchSchema = Type.Object(
  {
    title: Type.Optional(caseMembers.title),
    status: Type.Optional(caseMembers.status),
    opened_on: Type.Optional(caseMembers.opened_on),
    shareable: Type.Optional(caseMembers.shareable),
    notes: Type.Optional(caseMembers.notes),
    places: Type.Optional(caseMembers.places),
    parties: Type.Optional(caseMembers.parties),
  },
  { additionalProperties: false, minProperties: 1 },
);

export type PlaceInput = Static<typeof placeInputSchema>;
export type PartyInput = Static<typeof partyInputSchema>;
export type RecordRefInput = Static<typeof recordRefInputSchema>;
export type FollowUpInput = Static<typeof followUpInputSchema>;
export type StepInput = Static<typeof stepInputSchema>;
export type StepPatch = Static<typeof stepPatchSchema>;
export type FollowUpPatch = Static<typeof followUpPatchSchema>;
export type CaseInput = Static<typeof caseInputSchema>;
export type CasePatch = Static<typeof casePatchSchema>;

// ---------- what the server answers ----------

export const placeSchema = Type.Object(
  {
    kind: Type.Enum([...PLACE_KINDS]),
    record_id: nullable(Type.Integer({ description: 'claim, zone or site: its record id in /api/claims, /api/zones, /api/sites' })),
    name: nullable(Type.String({ description: 'a town: its name' })),
    coordinates: nullable(Type.Array(Type.Number(), { description: 'a town: longitude, latitude, if known' })),
  },
  { additionalProperties: false },
);

export const partySchema = Type.Object(
  {
    kind: Type.Enum([...PARTY_KINDS]),
    cooperative_id: nullable(Type.Integer({ description: 'a cooperative: its record id in /api/cooperatives' })),
    name: Type.Optional(
      nullable(Type.String({ description: "a cooperative's name for every profile; another party's name for internal and working group only" })),
    ),
  },
  { additionalProperties: false },
);

export const recordRefSchema = Type.Object(
  {
    layer: Type.Enum([...EVIDENCE_LAYERS]),
    id: Type.Integer({ description: 'the record id as your profile sees it in /api/<layer>' }),
    record: nullable(
      Type.Record(Type.String(), Type.Unknown(), {
        description: "the record's properties as your profile sees them (null: the record is gone)",
      }),
    ),
  },
  { additionalProperties: false, description: 'partners and the public: claims and presence only, never incidents' },
);

export const followUpSchema = Type.Object(
  {
    id: Type.Integer(),
    case_id: Type.Integer(),
    step_id: Type.Integer(),
    action: Type.String(),
    owner: Type.String(),
    due_on: DATE,
    done_on: nullable(DATE),
    overdue: Type.Boolean({ description: 'not done, and due before the day looked at (as_of, default today in South Kivu)' }),
  },
  { additionalProperties: false, description: 'internal and working group only' },
);

export const stepSchema = Type.Object(
  {
    id: Type.Optional(Type.Integer({ description: 'internal and working group only' })),
    taken_on: DATE,
    kind: Type.Enum([...STEP_KINDS]),
    summary: Type.Optional(Type.String({ description: 'internal and working group only' })),
    shared_summary: nullable(Type.String()),
    actor_kind: nullable(Type.Enum([...ACTOR_KINDS])),
    acted_by: Type.Optional(nullable(Type.String({ description: 'internal and working group only' }))),
    rests_on: Type.Array(recordRefSchema),
    follow_ups: Type.Optional(Type.Array(followUpSchema, { description: 'internal and working group only' })),
  },
  { additionalProperties: false },
);

const caseAnswerMembers = {
  id: Type.Integer({ description: 'the case id as your profile sees it (partners and the public: an opaque id)' }),
  title: Type.String(),
  status: Type.Enum([...CASE_STATUSES]),
  opened_on: DATE,
  shareable: Type.Optional(Type.Boolean({ description: 'internal and working group only' })),
  illustrative: Type.Boolean(),
  source: Type.String(),
  source_id: Type.Optional(nullable(Type.String({ description: 'internal only' }))),
  notes: Type.Optional(nullable(Type.String({ description: 'internal only' }))),
  places: Type.Array(placeSchema),
  parties: Type.Array(partySchema),
  step_count: Type.Integer({ minimum: 0 }),
  last_step_on: nullable(DATE),
  overdue_follow_ups: Type.Optional(Type.Integer({ minimum: 0, description: 'internal and working group only' })),
  created_at: Type.Optional(Type.String({ description: 'internal only' })),
  updated_at: Type.Optional(Type.String({ description: 'internal only' })),
};

export const caseSummarySchema = Type.Object(caseAnswerMembers, { additionalProperties: false, description: 'a case without its steps' });

export const caseFileSchema = Type.Object(
  { ...caseAnswerMembers, steps: Type.Array(stepSchema, { description: 'in date order' }) },
  { additionalProperties: false, description: 'a case with its steps in date order' },
);

export const caseListSchema = Type.Object(
  {
    cases: Type.Array(caseSummarySchema),
    numberMatched: Type.Integer({ minimum: 0 }),
    numberReturned: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export const followUpListSchema = Type.Object(
  {
    as_of: DATE,
    follow_ups: Type.Array(
      Type.Object(
        {
          ...followUpSchema.properties,
          case_title: Type.String(),
          step_kind: Type.Enum([...STEP_KINDS]),
          step_taken_on: DATE,
        },
        { additionalProperties: false },
      ),
    ),
    numberMatched: Type.Integer({ minimum: 0 }),
    numberReturned: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
);

export type Place = Static<typeof placeSchema>;
export type Party = Static<typeof partySchema>;
export type RecordRef = Static<typeof recordRefSchema>;
export type FollowUp = Static<typeof followUpSchema>;
export type CaseStep = Static<typeof stepSchema>;
export type CaseSummary = Static<typeof caseSummarySchema>;
export type CaseFile = Static<typeof caseFileSchema>;
export type CaseList = Static<typeof caseListSchema>;
export type FollowUpList = Static<typeof followUpListSchema>;
