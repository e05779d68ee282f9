// The applications' HTTP surface: the public pages (apply, track), the staff workbench (under /staff, behind the
// staff guard) and the REST API (/api/v1). Each part is its own plugin; they share the dependencies below.
import type { FastifyInstance } from 'fastify';
import type { Calendar } from '../calendar/model.ts';
import { todayInChina } from '../calendar/dates.ts';
import type { Db } from '../db/database.ts';
import type { StoreContext } from './store.ts';

export interface ApplicationDeps {
  db: Db;
  calendar: Calendar;
  /** The clock (tests set it): today and the timestamp of the steps recorded now. */
  now: () => Date;
  /** New applications accepted per minute from one address (config GONGKAI_SUBMIT_LIMIT). */
  submitLimit: number;
}

/** The store's context at this moment. */
export function storeContext(deps: ApplicationDeps): StoreContext {
  const now = deps.now();
  return { calendar: deps.calendar, today: todayInChina(now), now: now.toISOString() };
}

export type ApplicationPlugin = (app: FastifyInstance, deps: ApplicationDeps) => Promise<void>;
