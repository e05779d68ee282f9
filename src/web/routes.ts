// The site's own pages: public home, staff home, and the static files. Domain pages live in their domains.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.ts';
import { findRootAgency, listAgencySubtree } from '../agencies/store.ts';
import { scopeOf } from '../agencies/model.ts';
import { staffBadge, staffOf } from '../http/auth.ts';
import { sendHtml } from '../http/reply.ts';
import { isElder } from './elder.ts';
import { renderHome } from './pages/home.tsx';
import { renderStaffHome } from './pages/staff-home.tsx';

/** Our few static files, read once; served from our own origin (the CSP allows nothing else). */
const staticFiles = new Map(
  Object.entries({ 'site.css': 'text/css; charset=utf-8', 'favicon.svg': 'image/svg+xml' }).map(([name, type]) => [
    name,
    { type, body: readFileSync(new URL(`./static/${name}`, import.meta.url)) },
  ]),
);

export async function publicPages(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get('/', async (request, reply) =>
    sendHtml(reply, renderHome({ agencyName: (await findRootAgency(db))?.name, elder: isElder(request) })),
  );

  app.get('/static/:name', async (request, reply) => {
    const file = staticFiles.get((request.params as { name: string }).name);
    if (!file) return reply.callNotFound();
    return reply.type(file.type).header('cache-control', 'public, max-age=3600').send(file.body);
  });
}

/** Registered under the /staff prefix, behind the staff guard. */
export async function staffPages(app: FastifyInstance, { db }: { db: Db }): Promise<void> {
  app.get('/', async (request, reply) => {
    const staff = staffOf(request);
    const oversees = scopeOf(staff.role) === 'subtree' ? await listAgencySubtree(db, staff.agency_id) : undefined;
    return sendHtml(reply, renderStaffHome({ staff: staffBadge(staff), agencyName: staff.agency_name, oversees }));
  });
}

