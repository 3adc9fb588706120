import type { ActorType, Behaviour } from '../domain/vocabulary.js';

/**
 * One sighting of a security actor, wherever it comes from: an actor listed on an IPIS
 * site visit, or a security-presence record. Rules R1–R4 and R11 judge these.
 */
export interface SecurityObservation {
  layer: 'site_visits' | 'presence';
  /** The visit id or the presence id. */
  id: number;
  actor_type: ActorType;
  actor_name: string | null;
  behaviours: Behaviour[];
  /**
   * When it was seen: the visit date, or the presence's observed_on; its valid_from when
   * there is none, or when the observation is later than the date looked at (what was seen
   * in July cannot be cited as seen on a June date).
   */
  observed_on: string;
}

/** What a rule says about one observation: its level and why, in words a meeting can repeat. */
export interface ObservationFlag {
  rule: 'R1' | 'R2' | 'R3' | 'R4';
  level: 'red' | 'amber' | 'info';
  reason: string;
}

export const actorLabel = (o: SecurityObservation) => (o.actor_name ? `${o.actor_name} (${o.actor_type})` : o.actor_type);
