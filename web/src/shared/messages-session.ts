/**
 * Words about who is signed in, shared by the session bar on every page, the sign-in page
 * and the administration page: roles, the demo-mode warning, signing in and out.
 */
import { translator, type Lang } from './language.js';

export const ROLES = ['viewer', 'editor', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const SESSION_MESSAGES = {
  'session.label': { fr: 'Session', en: 'Session' },
  'session.signedInAs': { fr: 'Connecté·e : ', en: 'Signed in as ' },
  'session.roleSuffix': { fr: ' — rôle : {role}', en: ' — role: {role}' },
  'session.demoIdentity': { fr: 'Sans connexion : « demo », rôle administrateur', en: 'Not signed in: “demo”, admin role' },
  'session.signedOut': { fr: 'Non connecté·e.', en: 'Not signed in.' },
  'session.signIn': { fr: 'Se connecter', en: 'Sign in' },
  'session.signOut': { fr: 'Se déconnecter', en: 'Sign out' },
  'session.signingOut': { fr: 'Déconnexion…', en: 'Signing out…' },
  'session.signOutFailed': { fr: 'Échec de la déconnexion : {message}', en: 'Signing out failed: {message}' },
  'session.unknown': { fr: 'Session inconnue : {message}', en: 'Session unknown: {message}' },
  'session.admin': { fr: 'Administration', en: 'Administration' },
  'session.map': { fr: 'Carte', en: 'Map' },
  'session.priorities': { fr: 'Priorités', en: 'Priorities' },
  'session.demoTitle': { fr: 'Mode démonstration locale', en: 'Local demo mode' },
  'session.demoBody': {
    fr: 'Mode démonstration locale — sans connexion, chacun agit comme administrateur.',
    en: 'Local demo mode — without signing in, everyone acts as an administrator.',
  },
  'session.demoAdvice': {
    fr: 'Aucun compte n’est vérifié : n’y mettez pas de données réelles.',
    en: 'No account is checked: do not put real data here.',
  },
  'session.demoMore': { fr: 'Lire tout l’avertissement', en: 'Read the whole warning' },
  'role.viewer': { fr: 'lecteur', en: 'viewer' },
  'role.editor': { fr: 'éditeur', en: 'editor' },
  'role.partner': { fr: 'partenaire', en: 'partner' },
  'role.admin': { fr: 'administrateur', en: 'admin' },
} satisfies Record<string, Record<Lang, string>>;

export type SessionMessageKey = keyof typeof SESSION_MESSAGES;

export const sessionText = translator<SessionMessageKey>(SESSION_MESSAGES);

/** A role in words; an unknown role (a newer server) is shown as the server names it. */
export function roleName(role: string): string {
  return (ROLES as readonly string[]).includes(role) ? sessionText(`role.${role as Role}`) : role;
}
