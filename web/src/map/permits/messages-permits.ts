/** The texts of the industrial-title overlay (R12), French first. */
import type { Localized } from '../../shared/language.js';

export const PERMIT_MESSAGES = {
  'permitOverlap.title': { fr: 'Empiètements sur des titres industriels (R12)', en: 'Encroachments on industrial titles (R12)' },
  'permitOverlap.legend': {
    fr: 'Terrain qu’une revendication ou une ZEA partage avec un permis d’exploitation ou de recherche en vigueur — trait mixte noir, fond rose',
    en: 'Ground a claim or a ZEA shares with an exploitation or research permit in force — black dash-dot line, pink fill',
  },
  'permitOverlap.popupLayer': { fr: 'Empiètement sur un titre industriel (R12)', en: 'Encroachment on an industrial title (R12)' },
  'permitOverlap.total': { fr: '{ha} ha partagés avec des titres industriels', en: '{ha} ha shared with industrial titles' },
  'permitOverlap.permit': {
    fr: 'Titre {code} ({type}) de {holder} : {ha} ha',
    en: 'Title {code} ({type}) held by {holder}: {ha} ha',
  },
  'permitOverlap.noHolder': { fr: 'titulaire non publié', en: 'holder not published' },
} satisfies Record<string, Localized>;
