/**
 * The parameter collector of every SQL builder: values never enter the SQL text. Each value
 * goes into `values` and the text refers to it by its placeholder, cast to the type it is
 * compared with, so that both drivers (pg and PGlite) send it the same way.
 */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown, cast?: string): string {
    this.values.push(value);
    return cast ? `$${this.values.length}::${cast}` : `$${this.values.length}`;
  }
}
