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

/** The workbench's parts; those without a link are not built yet. */
const workbench: { title: string; summary?: string; href?: string }[] = [
  { title: '申请办理', summary: '签收、转办、补正、延期、答复、送达，按法定期限办理依申请公开', href: '/staff/applications' },
  { title: '即将到期', summary: '5 个工作日内到期和已超期的申请', href: '/staff/applications?due=soon' },
  { title: '主动公开审核' },
  { title: '年度报告' },
];

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
            {workbench.map((w) => (
              <li class="card">
                <h3>{w.href ? <a href={w.href}>{w.title}</a> : w.title}</h3>
                {w.summary ? <p>{w.summary}</p> : null}
                {w.href ? null : <p class="tag">即将开放</p>}
              </li>
            ))}
          </ul>
        </section>
      </>
    ),
  });
}
