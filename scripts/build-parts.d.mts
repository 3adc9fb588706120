// Types for build-parts.mjs, which stays plain JavaScript so that it runs after `npm ci --omit=dev`.
export const ROOT: string;
export const PARTS: Record<'server' | 'web', { sources: string[]; output: string; stamp: string; command: string[] }>;
export function staleness(name: 'server' | 'web'): string | undefined;
export function canBuild(): boolean;
