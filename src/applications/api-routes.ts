// The REST API of applications under /api/v1, and its OpenAPI document.
import type { ApplicationPlugin } from './routes.ts';

export const apiRoutes: ApplicationPlugin = async () => {};
