import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { databaseFault } from '../db/database-errors.js';
import { HttpError } from './errors.js';
import { describeIssue, type ValidationIssue } from './validation.js';

/** One error shape for every failure: `{ statusCode, error, message, details? }`, never a stack or SQL. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | HttpError, request, reply) => {
    if ('validation' in error && error.validation) {
      const issues = error.validation as unknown as ValidationIssue[];
      const context = error.validationContext ?? 'request';
      const message = issues.map((issue) => describeIssue(context, issue)).join('; ');
      return reply.status(400).send({ statusCode: 400, error: 'Bad Request', message, details: issues });
    }
    if (error instanceof HttpError) return sendHttpError(reply, error);
    // A database that is away or full is no bug of ours: the client hears when to try again.
    const fault = databaseFault(error);
    if (fault) {
      // A full disk needs someone to act; an outage is usually over by the time anyone looks.
      request.log[fault.statusCode === 507 ? 'error' : 'warn']({ err: error }, `database fault answered with ${fault.statusCode}`);
      return sendHttpError(reply, fault);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.status(status).send({ statusCode: status, error: httpReason(status), message: error.message });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ statusCode: 500, error: 'Internal Server Error', message: 'something went wrong on the server; it has been logged' });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
}

function sendHttpError(reply: FastifyReply, error: HttpError): FastifyReply {
  reply.headers(error.headers);
  return reply
    .status(error.statusCode)
    .send({ statusCode: error.statusCode, error: httpReason(error.statusCode), message: error.message, details: error.details });
}

function httpReason(status: number): string {
  const reasons: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Payload Too Large',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
    507: 'Insufficient Storage',
  };
  return reasons[status] ?? (status < 500 ? 'Client Error' : 'Internal Server Error');
}
