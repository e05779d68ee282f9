// The staff home page after log-in: who you are, where, and (for supervisors) the agencies you oversee.
import type { Agency } from '../../db/schema.ts';
import { renderPage, type StaffBadge } from '../layout.tsx';
import { AgencyTree } from '../components/agency-tree.tsx';

export interface StaffHomeView {
  staff: StaffBadge;
  agencyName: string;
  /** The supervisor's agency and everything below it; absent for other roles. */
  oversees?: readonly Agency[] | undefined;
}

const workbench = ['待办申请', '即将到期', '主动公开审核', '年度报告'];

export function renderStaffHome({ staff, agencyName, oversees }: StaffHomeView): string {
  return renderPage({
    title: '工作台',
    staff,
    children: (
      <>
        <h1>您好，{staff.displayName}</h1>
        <p class="lead">
          {agencyName} · {staff.roleLabel}
        </p>
        {oversees ? (
          <section class="panel">
            <h2>监督范围</h2>
            <AgencyTree agencies={oversees} label="监督范围内的机关" />
          </section>
        ) : null}
        <section>
          <h2>工作台</h2>
          <ul class="cards">
            {workbench.map((title) => (
              <li class="card">
                <h3>{title}</h3>
                <p class="tag">即将开放</p>
              </li>
            ))}
          </ul>
        </section>
      </>
    ),
  });
}
