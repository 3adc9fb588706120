/**
 * The case pages' `t`, and the words for the case vocabularies and the layers' values. The
 * language itself is the application's one (web/src/shared/language.ts).
 */
import type { ActorKind, CaseStatus, PartyKind, PlaceKind, StepKind } from '../../../server/cases/case-vocabulary.js';
import { valueLabel } from '../shared/field-labels.js';
import { getLang, translator, type Localized } from '../shared/language.js';
import { ACTOR_WORDS, MESSAGES, PARTY_WORDS, PLACE_WORDS, STATUS_WORDS, STEP_WORDS, type MessageKey } from './messages.js';

export { getLang, onLangChange, formatNumber } from '../shared/language.js';

export const t = translator<MessageKey>(MESSAGES);

const local = (text: Localized) => text[getLang()];

export const statusWords = (status: CaseStatus) => local(STATUS_WORDS[status]);
export const stepWords = (kind: StepKind) => local(STEP_WORDS[kind]);
export const actorWords = (kind: ActorKind) => local(ACTOR_WORDS[kind]);
export const partyWords = (kind: PartyKind) => local(PARTY_WORDS[kind]);
export const placeWords = (kind: PlaceKind) => local(PLACE_WORDS[kind]);

/** A layer's value in words (an incident's category, an actor type…); an unknown value as the data has it. */
export function vocabulary(field: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') return '';
  const label = valueLabel(field, value);
  return label ? local(label) : value;
}
