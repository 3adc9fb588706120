import { describe, expect, it } from 'vitest';
import { bboxCondition, envelopeSql } from '../../../server/db/sql/bbox.js';
import { Params } from '../../../server/db/sql/params.js';
import { expectParameterised } from './parameterised.js';

describe('the bbox envelope', () => {
  it('is ST_MakeEnvelope in SRID 4326 on four float8 parameters: west, south, east, north', () => {
    const params = new Params();
    params.add('2019-06-15', 'date');
    expect(envelopeSql([28.5123, -2.4123, 29.0456, -1.7789], params)).toBe('ST_MakeEnvelope($2::float8, $3::float8, $4::float8, $5::float8, 4326)');
    expect(params.values).toEqual(['2019-06-15', 28.5123, -2.4123, 29.0456, -1.7789]);
  });

  it('tests the given geometry with && so that the GiST index answers', () => {
    const params = new Params();
    const text = bboxCondition('r.geom', [28.5123, -2.4123, 29.0456, -1.7789], params);
    expect(text).toBe('r.geom && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326)');
    expectParameterised({ text, values: params.values });
  });

  it('splits a box across the antimeridian (west east of east) into its two halves', () => {
    const params = new Params();
    const text = bboxCondition('t.geom', [170.5, -10.25, -170.5, 10.25], params);
    expect(text).toBe(
      '(t.geom && ST_MakeEnvelope($1::float8, $2::float8, $3::float8, $4::float8, 4326) OR t.geom && ST_MakeEnvelope($5::float8, $6::float8, $7::float8, $8::float8, 4326))',
    );
    expect(params.values).toEqual([170.5, -10.25, 180, 10.25, -180, -10.25, -170.5, 10.25]);
  });
});
