/** The case page's handle for the browser tests (tests/web/cases.test.ts): its map once a case is open, and when it is ready. */
import type { Map as MapLibreMap } from 'maplibre-gl';

export interface CasesHandle {
  map: MapLibreMap | null;
  /** Resolves once the list, the form or the case (with its map drawn) is shown. */
  ready: Promise<void>;
}

declare global {
  interface Window {
    __riskcases?: CasesHandle;
  }
}
