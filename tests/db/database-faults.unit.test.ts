import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { databaseFault, translateDatabaseError } from '../../server/db/database-errors.js';
import { installErrorHandler } from '../../server/http/error-handler.js';

/** Errors shaped as pg hands them over: a server error with its SQLSTATE, or Node's socket error. */
const serverError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: 'FATAL', length: 100, name: 'error' });
const socketError = (code: string) =>
  Object.assign(new Error(`connect ${code} 10.1.2.3:5432`), { code, errno: -111, syscall: 'connect', address: '10.1.2.3', port: 5432 });

describe('databaseFault', () => {
  it.each([
    ['server shutting down (57P01)', serverError('57P01', 'terminating connection due to administrator command')],
    ['server crashed (57P02)', serverError('57P02', 'terminating connection because of crash of another server process')],
    ['server starting (57P03)', serverError('57P03', 'the database system is starting up')],
    ['no free connection (53300)', serverError('53300', 'sorry, too many clients already')],
    ['statement cancelled (57014)', serverError('57014', 'canceling statement due to user request')],
    ['out of memory (53200)', serverError('53200', 'out of memory')],
    ['connection failure (08006)', serverError('08006', 'connection failure')],
    ['connection refused', socketError('ECONNREFUSED')],
    ['connection reset', socketError('ECONNRESET')],
    ['connection timed out', socketError('ETIMEDOUT')],
    ['connection lost mid-query', new Error('Connection terminated unexpectedly')],
    ['connect timeout of the pool', new Error('timeout exceeded when trying to connect')],
    ['refused on every address of a name', new AggregateError([socketError('ECONNREFUSED'), socketError('ECONNREFUSED')], 'connect failed')],
  ])('makes %s a 503 with Retry-After', (_what, error) => {
    const fault = databaseFault(error);
    expect(fault?.statusCode).toBe(503);
    expect(fault?.headers).toEqual({ 'retry-after': '5' });
    expect(fault?.message).toMatch(/try again in a few seconds$/);
  });

  it('makes a full disk (53100) a 507 in words', () => {
    const fault = databaseFault(serverError('53100', 'could not extend file "base/16384/24576": No space left on device'));
    expect(fault?.statusCode).toBe(507);
    expect(fault?.message).toMatch(/disk is full/);
    expect(fault?.message).not.toMatch(/base\/16384/);
  });

  it('leaves every other error alone: constraints stay the client errors they are, bugs stay 500s', () => {
    for (const error of [
      serverError('23505', 'duplicate key value violates unique constraint "zones_pkey"'),
      serverError('42P01', 'relation "nothing" does not exist'),
      new TypeError('Cannot read properties of undefined'),
      'a string',
      null,
    ]) {
      expect(databaseFault(error)).toBeUndefined();
    }
    expect(translateDatabaseError(serverError('23505', 'duplicate key'))).toMatchObject({ statusCode: 409 });
  });
});

describe('the error handler', () => {
  async function answerTo(error: unknown) {
    const app = Fastify();
    installErrorHandler(app);
    app.get('/fails', async () => {
      throw error;
    });
    const res = await app.inject({ url: '/fails' });
    await app.close();
    return res;
  }

  it('answers a full disk with 507, in words, without the SQL or the file', async () => {
    const res = await answerTo(
      Object.assign(serverError('53100', 'could not extend file "base/16384/24576": No space left on device'), { where: 'INSERT INTO zones …' }),
    );
    expect(res.statusCode).toBe(507);
    expect(res.json()).toMatchObject({ statusCode: 507, error: 'Insufficient Storage', message: expect.stringMatching(/disk is full/) });
    expect(res.body).not.toMatch(/INSERT|base\/16384|No space/);
  });

  it('answers an unreachable database with 503 and Retry-After: 5, without the address', async () => {
    const res = await answerTo(socketError('ECONNREFUSED'));
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ error: 'Service Unavailable', message: 'the database cannot be reached just now; try again in a few seconds' });
    expect(res.body).not.toMatch(/10\.1\.2\.3|ECONNREFUSED/);
  });

  it('still answers an unknown error with a 500 that says nothing of it', async () => {
    const res = await answerTo(serverError('42P01', 'relation "secret_table" does not exist'));
    expect(res.statusCode).toBe(500);
    expect(res.body).not.toMatch(/secret_table/);
  });
});
