import type { Profile } from '../sharing/profiles.js';

/**
 * The four roles (issue 7): viewers read what the working group reads, editors also write,
 * partners read through the partner profile only, admins also manage accounts and read the
 * audit trail.
 */
export const ROLES = ['viewer', 'editor', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The most a role may see. A caller may always ask for less (an editor preparing a partner export). */
export const ROLE_PROFILE: Record<Role, Profile> = {
  admin: 'internal',
  editor: 'internal',
  viewer: 'working-group',
  partner: 'partner',
};

/** From most to least revealing: a profile may be used by anyone whose ceiling is at or above it. */
const PROFILE_RANK: Record<Profile, number> = { internal: 3, 'working-group': 2, partner: 1, public: 0 };

export function profileWithin(profile: Profile, ceiling: Profile): boolean {
  return PROFILE_RANK[profile] <= PROFILE_RANK[ceiling];
}

/** The less revealing of two profiles. */
export function narrower(a: Profile, b: Profile): Profile {
  return PROFILE_RANK[a] <= PROFILE_RANK[b] ? a : b;
}
