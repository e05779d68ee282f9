// Who sees which case, and how much of it. A staff member acts for an agency: the disclosure office and the
// leader for the government whose office they sit in (示范市人民政府办公室 → 示范市人民政府), a handler for their own
// department. Applicants' personal data (证件号码, phone, address, e-mail) is shown in full only to those who handle
// the case: the office and leader of the receiving agency, the handlers of the department it is assigned to.
// Other departments of the same government see it masked; supervisors see their subtree masked and change nothing;
// anyone else does not see it at all (404, not 403: its existence is not disclosed).
import type { Db } from '../db/database.ts';
import type { Agency, Role } from '../db/schema.ts';
import { getAgency, listAgencySubtree } from '../agencies/store.ts';
import type { Actor } from './model.ts';

export interface Viewer {
  userId: number;
  name: string;
  role: Role;
  /** The user's own agency. */
  agencyId: number;
  /** The agency the user acts for (see above). */
  actingAgencyId: number;
  /** The government above a department (its applications are routed to the department). */
  parentId: number | null;
  /** Supervisors and admins: the agencies they oversee (their own and all below). */
  subtree: readonly number[];
}

export type Access = 'full' | 'masked' | null;

export async function viewerOf(db: Db, user: { id: number; display_name: string; role: Role; agency_id: number }): Promise<Viewer> {
  const agency = (await getAgency(db, user.agency_id)) as Agency;
  const office = (user.role === 'office' || user.role === 'leader') && agency.type === 'office' && agency.parent_id !== null;
  const subtree = user.role === 'supervisor' || user.role === 'admin' ? (await listAgencySubtree(db, agency.id)).map((a) => a.id) : [];
  return {
    userId: user.id,
    name: user.display_name,
    role: user.role,
    agencyId: agency.id,
    actingAgencyId: office ? agency.parent_id! : agency.id,
    parentId: agency.parent_id,
    subtree,
  };
}

/** The actor of a step, as lifecycle.ts sees it. */
export function actorOf(v: Viewer): Actor {
  return { userId: v.userId, role: v.role, agencyId: v.actingAgencyId, name: v.name };
}

/** How much of a case the viewer sees. */
export function accessTo(v: Viewer, c: { agency_id: number; department_id: number | null }): Access {
  switch (v.role) {
    case 'office':
    case 'leader':
      return c.agency_id === v.actingAgencyId ? 'full' : null;
    case 'handler':
      if (c.department_id === v.agencyId) return 'full';
      if (c.agency_id === v.agencyId) return 'full'; // a department that receives applications itself
      return c.agency_id === v.parentId ? 'masked' : null;
    case 'supervisor':
    case 'admin':
      return v.subtree.includes(c.agency_id) ? 'masked' : null;
  }
}

/** The cases a viewer's lists include: those received by `agencyIds` or assigned to `departmentId` (a handler's
 *  list is the department's own work; the government's other cases stay out of it). */
export function listScope(v: Viewer): { agencyIds: number[]; departmentId: number | null } {
  switch (v.role) {
    case 'office':
    case 'leader':
      return { agencyIds: [v.actingAgencyId], departmentId: null };
    case 'handler':
      return { agencyIds: [v.agencyId], departmentId: v.agencyId };
    case 'supervisor':
    case 'admin':
      return { agencyIds: [...v.subtree], departmentId: null };
  }
}
