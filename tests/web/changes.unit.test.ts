import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change } from '../../server/analysis/changes/changes-schema.js';
import { changeLine } from '../../web/src/changes/lines.js';
import { caseLink, mapLink } from '../../web/src/changes/links.js';
import { changesSearch, parseBbox, periodProblem, queryFromAddress } from '../../web/src/changes/query.js';
import { groupChanges, sectionOf } from '../../web/src/changes/sections.js';
import { setLang } from '../../web/src/shared/language.js';

/** The "since the last meeting" page's pure parts (web/src/changes/): the address, the sections, the links and the words. */
const blank = { severity_before: null, severity_after: null, km_before: null, km_after: null, category: null, lon: 28.6323, lat: -2.2015, date: '2018-12-31' };
const zone: Change = {
  ...blank,
  kind: 'contested',
  change: 'appeared',
  name: 'Coopérative A / Coopérative B',
  rules: ['R5', 'R6'],
  severity_after: 'critical',
  evidence: [
    { layer: 'claims', id: 4 },
    { layer: 'claims', id: 9 },
    { layer: 'presence', id: 2 },
  ],
};
const route: Change = { ...blank, kind: 'route', change: 'rose', name: 'Bitale – Kalehe', rules: ['R8', 'R9'], km_before: 0, km_after: 6.2, evidence: [] };
const site: Change = { ...blank, kind: 'site', change: 'cleared', name: 'Kaesi', rules: ['R1'], evidence: [] };
const incident: Change = { ...blank, kind: 'incident', change: 'occurred', name: 'killing', category: 'killing', rules: [], date: '2019-03-04', evidence: [] };

describe('the page address', () => {
  it('takes the dates, the incidents and the box it names, and falls back to the 30 days before today', () => {
    expect(queryFromAddress('?from=2018-08-01&to=2018-12-31&incidents=all&bbox=28.5,-2.3,28.7,-2.1', '2026-12-05')).toEqual({
      from: '2018-08-01',
      to: '2018-12-31',
      incidents: 'all',
      bbox: [28.5, -2.3, 28.7, -2.1],
    });
    expect(queryFromAddress('', '2026-12-05')).toEqual({ from: '2026-11-05', to: '2026-12-05', incidents: 'serious', bbox: null });
    // A `from` the API would refuse (not before `to`, not a real day) gives way to the default.
    expect(queryFromAddress('?from=2019-01-01&to=2018-12-31', '2026-12-05').from).toBe('2018-12-01');
    expect(queryFromAddress('?from=2019-02-30&to=2019-03-31', '2026-12-05').from).toBe('2019-03-01');
  });

  it('keeps only a box the API takes', () => {
    expect(parseBbox('28.7,-2.3,28.5,-2.1')).toBeNull();
    expect(parseBbox('28.5,-2.3,28.7')).toBeNull();
    expect(parseBbox('a,b,c,d')).toBeNull();
    expect(parseBbox('28.5,,28.7,-2.1')).toBeNull();
    expect(changesSearch({ from: '2018-08-01', to: '2018-12-31', incidents: 'serious', bbox: [28.5, -2.3, 28.7, -2.1] })).toBe(
      'from=2018-08-01&to=2018-12-31&incidents=serious&bbox=28.5%2C-2.3%2C28.7%2C-2.1',
    );
  });

  it('says why two dates would be refused', () => {
    expect(periodProblem('2019-01-01', '2019-01-01')).toBe('order');
    expect(periodProblem('2000-01-01', '2019-01-01')).toBe('span');
    expect(periodProblem('2018-08-01', '2018-12-31')).toBeNull();
  });
});

describe('sections and links', () => {
  it('puts what rose, what cleared and the incidents apart', () => {
    expect([zone, route, site, incident].map(sectionOf)).toEqual(['rose', 'rose', 'cleared', 'incidents']);
    expect(sectionOf({ kind: 'contested', change: 'ended' })).toBe('cleared');
    expect(sectionOf({ kind: 'contested', change: 'eased' })).toBe('cleared');
    expect(groupChanges([incident, site, zone]).rose).toEqual([zone]);
  });

  it('leads to the map on the change’s day, and from a contested zone to the cases naming its claims', () => {
    expect(mapLink(zone)).toBe('./index.html?date=2018-12-31#view=13/-2.2015/28.6323');
    expect(caseLink(zone)).toBe('./cases.html?claim_id=4&claim_id=9');
    expect(caseLink(route)).toBeNull();
  });
});

describe('one line of words per change', () => {
  beforeEach(() => vi.stubGlobal('document', { documentElement: {} }));
  afterEach(() => {
    setLang('fr');
    vi.unstubAllGlobals();
  });

  it('in French, then in English', () => {
    expect(changeLine(zone)).toBe('Zone contestée apparue : Coopérative A / Coopérative B — R5, R6 — gravité critique');
    expect(changeLine(route)).toBe('Route militarisée : Bitale – Kalehe, 0 → 6,2 km (R8, R9)');
    expect(changeLine(site)).toBe('Site Kaesi : présence de l’armée (R1) levée');
    expect(changeLine({ ...site, change: 'rose', rules: ['R1', 'R3'] })).toBe('Site Kaesi : présence de l’armée (R1) et groupe armé (R3) signalées');
    expect(changeLine(incident)).toBe('Incident : meurtre, le 2019-03-04');
    setLang('en');
    expect(changeLine(zone)).toBe('Contested zone appeared: Coopérative A / Coopérative B — R5, R6 — critical severity');
    expect(changeLine(incident)).toBe('Incident: killing, on 2019-03-04');
  });
});
