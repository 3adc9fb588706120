import type { Feature } from 'geojson';
import { fieldLabel, valueLabel, valueLabels, type Localized } from '../domain/field-labels.js';

export type Lang = 'fr' | 'en';

/** The column beside a coded field that holds its words: `geo_precision` → `geo_precision_label`. */
export const labelColumn = (field: string) => `${field}_label`;

/** Columns with, after each coded one, its label column (issue 14: partners read words, not codes). */
export function withLabelColumns(columns: readonly string[]): string[] {
  return columns.flatMap((c) => (valueLabels(c) ? [c, labelColumn(c)] : [c]));
}

/** The words of a code (or of each code of a list, joined by "; "); an unknown code stays as it is. */
function words(field: string, value: unknown, lang: Lang): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => valueLabel(field, String(v))?.[lang] ?? String(v)).join('; ');
  return valueLabel(field, String(value))?.[lang] ?? String(value);
}

/** The feature with a label property after each coded one, in `lang`, keeping the properties' order. */
export function withLabels(feature: Feature, lang: Lang): Feature {
  const properties: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(feature.properties ?? {})) {
    properties[name] = value;
    if (valueLabels(name)) properties[labelColumn(name)] = words(name, value, lang);
  }
  return { ...feature, properties };
}

export async function* labelled(features: AsyncIterable<Feature>, lang: Lang): AsyncGenerator<Feature> {
  for await (const feature of features) yield withLabels(feature, lang);
}

/** How the data dictionary names a label column. */
export function labelColumnLabel(field: string): Localized {
  const label = fieldLabel(field) ?? { fr: field, en: field };
  return { fr: `${label.fr} (en clair)`, en: `${label.en} (in words)` };
}
