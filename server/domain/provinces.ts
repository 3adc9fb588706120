/**
 * One spelling per province and territory, so that an area can be asked for and found however
 * the data or the user writes it. IPIS writes provinces in French ('Sud-Kivu', 'Nord-Kivu',
 * 'Tanganyika', 'Maniema'; 'Sud Kivu' in some rows); users and other sources write them in
 * English ('South Kivu'). The French form, as the DRC's own administration writes it, is the
 * one kept.
 */

/** A comparison key: case, accents, apostrophes, hyphens and spacing ignored ('Sud-Kivu' = 'sud kivu'). */
export function areaKey(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/[-_]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The 26 provinces of the 2015 division, by key, and the English or older spellings met for them. */
const PROVINCES = [
  'Kinshasa',
  'Kongo-Central',
  'Kwango',
  'Kwilu',
  'Mai-Ndombe',
  'Kasaï',
  'Kasaï-Central',
  'Kasaï-Oriental',
  'Lomami',
  'Sankuru',
  'Maniema',
  'Sud-Kivu',
  'Nord-Kivu',
  'Ituri',
  'Haut-Uele',
  'Tshopo',
  'Bas-Uele',
  'Nord-Ubangi',
  'Mongala',
  'Sud-Ubangi',
  'Équateur',
  'Tshuapa',
  'Tanganyika',
  'Haut-Lomami',
  'Lualaba',
  'Haut-Katanga',
];
const ALIASES: Record<string, string> = {
  'south kivu': 'Sud-Kivu',
  'north kivu': 'Nord-Kivu',
  'sud kivu': 'Sud-Kivu',
  'nord kivu': 'Nord-Kivu',
  tanganika: 'Tanganyika',
  'upper uele': 'Haut-Uele',
  'lower uele': 'Bas-Uele',
  'upper katanga': 'Haut-Katanga',
  'upper lomami': 'Haut-Lomami',
  'central kongo': 'Kongo-Central',
  'kongo central': 'Kongo-Central',
  equateur: 'Équateur',
  equator: 'Équateur',
};
const BY_KEY = new Map<string, string>([...PROVINCES.map((name) => [areaKey(name), name] as const), ...Object.entries(ALIASES)]);

/** 'South Kivu', 'sud kivu', 'SUD-KIVU' → 'Sud-Kivu'; a name not known here comes back trimmed, as written. Empty → null. */
export function canonicalProvince(raw: string | null | undefined): string | null {
  const text = (raw ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return BY_KEY.get(areaKey(text)) ?? text;
}
