import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { madeTiles, type MadeTile } from '../../server/tiles/made-tiles.js';

/** A maker that counts its calls and answers when told to. */
function maker(bytes = 10) {
  const calls: string[] = [];
  const make = (name: string) => async (): Promise<MadeTile> => {
    calls.push(name);
    return { body: new Uint8Array(bytes), features: calls.length };
  };
  return { calls, make };
}

describe('tiles kept once made (server/tiles/made-tiles.ts)', () => {
  it('makes a tile once for callers asking at the same time, and once again under another key', async () => {
    const made = madeTiles(1);
    const { calls, make } = maker();
    const [a, b] = await Promise.all([made('v1 internal 7/1/2', make('first')), made('v1 internal 7/1/2', make('second'))]);
    expect(calls).toEqual(['first']);
    expect(b.tile).toBe(a.tile);
    expect([a.kept, b.kept]).toEqual([false, true]);
    expect((await made('v1 internal 7/1/2', make('third'))).kept).toBe(true);
    await made('v1 partner 7/1/2', make('partner'));
    await made('v2 internal 7/1/2', make('after an edit'));
    await made('v1 internal 7/1/2', make('again'));
    expect(calls).toEqual(['first', 'partner', 'after an edit']);
  });

  it('keeps no failure: the next caller makes the tile again', async () => {
    const made = madeTiles(1);
    await expect(made('k', () => Promise.reject(new Error('database gone')))).rejects.toThrow('database gone');
    const { calls, make } = maker();
    await made('k', make('retry'));
    expect(calls).toEqual(['retry']);
  });

  it('lets the least recently used tiles go past its size', async () => {
    const made = madeTiles(1);
    const { calls, make } = maker(400 * 1024);
    await made('a', make('a'));
    await made('b', make('b'));
    await made('a', make('a again'));
    // A third tile of 400 KB does not fit beside two in 1 MB: b, the least recently used, goes.
    await made('c', make('c'));
    await made('a', make('a third time'));
    await made('b', make('b again'));
    expect(calls).toEqual(['a', 'b', 'c', 'b again']);
  });

  it('keeps nothing with 0 MB', async () => {
    const made = madeTiles(0);
    const { calls, make } = maker();
    await made('k', make('one'));
    expect((await made('k', make('two'))).kept).toBe(false);
    expect(calls).toEqual(['one', 'two']);
  });

  it('keeps a tile large enough to compress with its bytes compressed once, brotli and gzip, and a small one as it is', async () => {
    const made = madeTiles(1);
    const body = new Uint8Array(4096).map((_, i) => i % 7);
    const large = (await made('v1 internal 9/1/2', async () => ({ body, features: 1 }))).tile;
    expect(Buffer.from(brotliDecompressSync(large.encoded!.br)).equals(Buffer.from(body))).toBe(true);
    expect(Buffer.from(gunzipSync(large.encoded!.gzip)).equals(Buffer.from(body))).toBe(true);
    expect((await made('v1 internal 9/1/3', async () => ({ body: new Uint8Array(100), features: 1 }))).tile.encoded).toBeUndefined();
    // Each on memory of its own size, which is what the cache counts: not a view into a larger slab.
    for (const bytes of [large.body, large.encoded!.br, large.encoded!.gzip]) expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
  });
});
