import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { readFileSync } from 'node:fs';
const tpl = readFileSync('/work/main/tests/.artifacts/pglite-template.tgz');
async function time(label: string, f: () => Promise<PGlite>) { const t = performance.now(); const db = await f(); await db.query('select 1'); console.log(label, Math.round(performance.now() - t)); return db; }
const a = await time('postgis', () => PGlite.create({ extensions: { postgis } }));
await time('template', () => PGlite.create({ loadDataDir: new Blob([tpl]), extensions: { postgis } }));
const b = await time('template2', () => PGlite.create({ loadDataDir: new Blob([tpl]), extensions: { postgis } }));
await time('template2-st', async () => { await b.query("select ST_AsText(ST_Buffer('POINT(0 0)'::geometry, 1))"); return b; });
await time('template-noext', () => PGlite.create({ loadDataDir: new Blob([tpl]) }));
