import type { FastifyReply } from 'fastify';

/**
 * The W3C Server-Timing header (https://www.w3.org/TR/server-timing/): how long the named steps
 * of an answer took on the server, in milliseconds, shown in a browser's network panel and
 * read by `npm run bench:map`. What remains of a request's time beyond its steps is waiting:
 * for the event loop, or to be sent. Names and numbers only: nothing a caller asked for.
 */
export function serverTiming(reply: FastifyReply) {
  const steps: string[] = [];
  return {
    async of<T>(name: string, work: Promise<T>): Promise<T> {
      const started = performance.now();
      const result = await work;
      steps.push(`${name};dur=${(performance.now() - started).toFixed(1)}`);
      reply.header('server-timing', steps.join(', '));
      return result;
    },
  };
}
