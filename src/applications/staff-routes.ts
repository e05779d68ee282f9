// The staff workbench for applications (under /staff, behind the staff guard).
import type { ApplicationPlugin } from './routes.ts';

export const staffApplicationRoutes: ApplicationPlugin = async () => {};
