// Public pages of applications: the form, the confirmation with 申请编号 + 查询码, the status page.
import type { ApplicationPlugin } from './routes.ts';

export const publicApplicationRoutes: ApplicationPlugin = async () => {};
