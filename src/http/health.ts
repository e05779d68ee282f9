// GET /healthz for load balancers and monitoring: 200 when the database answers, 503 when it does not.
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import type { Db, Engine } from '../db/database.ts';

export async function healthRoutes(app: FastifyInstance, { db, engine }: { db: Db; engine: Engine }): Promise<void> {
  // Probes poll it: outside the per-address rate limit (it reveals nothing and costs one query).
  app.get('/healthz', { config: { rateLimit: false } }, async (request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: 'ok', database: engine };
    } catch (error) {
      request.log.error({ err: error }, 'health check: database unavailable');
      return reply.code(503).send({ status: 'error', database: engine, message: '数据库不可用' });
    }
  });
}
