/** The sign-in page's words, French first. */
import { translator, type Lang } from '../shared/language.js';

export const MESSAGES = {
  'page.title': { fr: 'Connexion – Carte des risques, Sud-Kivu', en: 'Sign in – Risk map, South Kivu' },
  'page.heading': { fr: 'Carte des risques autour des zones minières artisanales', en: 'Risk map around artisanal mining zones' },
  'page.subtitle': { fr: 'Sud-Kivu, RD Congo — sécurité et droits humains', en: 'South Kivu, DR Congo — security and human rights' },
  'lang.group': { fr: 'Langue', en: 'Language' },
  'login.heading': { fr: 'Connexion', en: 'Sign in' },
  'login.username': { fr: 'Nom d’utilisateur', en: 'Username' },
  'login.password': { fr: 'Mot de passe', en: 'Password' },
  'login.submit': { fr: 'Se connecter', en: 'Sign in' },
  'login.submitting': { fr: 'Connexion…', en: 'Signing in…' },
  'login.help': {
    fr: 'Pas de compte, ou mot de passe oublié ? Demandez à un administrateur de l’équipe.',
    en: 'No account, or forgotten password? Ask an administrator of the team.',
  },
  'login.missing': { fr: 'Saisissez votre nom d’utilisateur et votre mot de passe.', en: 'Enter your username and your password.' },
  'login.wrong': { fr: 'Nom d’utilisateur ou mot de passe incorrect.', en: 'Wrong username or password.' },
  'login.tooMany': {
    fr: 'Trop de tentatives depuis cette adresse. Réessayez dans {seconds} secondes.',
    en: 'Too many attempts from this address. Try again in {seconds} seconds.',
  },
  'login.tooManySoon': {
    fr: 'Trop de tentatives depuis cette adresse. Réessayez dans une minute.',
    en: 'Too many attempts from this address. Try again in a minute.',
  },
  'login.forbidden': { fr: 'Le serveur refuse la connexion.', en: 'The server refuses to sign you in.' },
  'login.failed': { fr: 'La connexion a échoué.', en: 'Signing in failed.' },
  'login.offline': { fr: 'Le serveur ne répond pas. Vérifiez la connexion au réseau.', en: 'The server does not answer. Check the network connection.' },
  'login.serverSaid': { fr: 'Réponse du serveur : {message}', en: 'The server said: {message}' },
  'login.demo': {
    fr: 'Ce serveur fonctionne en mode démonstration locale : sans connexion, chacun agit comme administrateur. Vous pouvez aller directement à la carte.',
    en: 'This server runs in the local demo mode: without signing in, everyone acts as an administrator. You can go straight to the map.',
  },
  'login.toMap': { fr: 'Aller à la carte', en: 'Go to the map' },
  'login.already': { fr: 'Vous êtes déjà connecté·e : {username} ({role}).', en: 'You are already signed in: {username} ({role}).' },
  'login.continue': { fr: 'Continuer', en: 'Continue' },
  'login.success': { fr: 'Connecté·e. Ouverture de la page…', en: 'Signed in. Opening the page…' },
} satisfies Record<string, Record<Lang, string>>;

export type LoginMessageKey = keyof typeof MESSAGES;

export const t = translator<LoginMessageKey>(MESSAGES);
