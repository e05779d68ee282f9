// The public home page: the agency's disclosure platform and its four statutory sections.
import { renderPage } from '../layout.tsx';

interface Section {
  title: string;
  summary: string;
  /** Absent while the section is not built yet. */
  href?: string;
}

const sections: Section[] = [
  { title: '政府信息公开指南', summary: '公开方式、申请渠道、办理程序和时限' },
  { title: '主动公开目录', summary: '依法主动公开的政府信息，可按类别浏览和检索' },
  { title: '依申请公开', summary: '在线提交政府信息公开申请，凭查询码查看办理进度', href: '/apply' },
  { title: '年度报告', summary: '政府信息公开工作年度报告' },
];

export function renderHome(props: { agencyName: string | undefined; elder?: boolean }): string {
  return renderPage({
    elder: props.elder,
    elderToggle: '/',
    title: props.agencyName ? `政府信息公开 - ${props.agencyName}` : '政府信息公开',
    children: (
      <>
        <h1>
          {props.agencyName ? <span class="agency-name">{props.agencyName}</span> : null}
          政府信息公开
        </h1>
        <ul class="cards">
          {sections.map((s) => (
            <li class="card">
              <h2>{s.href ? <a href={s.href}>{s.title}</a> : s.title}</h2>
              <p>{s.summary}</p>
              {s.href ? null : <p class="tag">即将开放</p>}
            </li>
          ))}
        </ul>
        <p class="staff-entry">
          <a class="button" href="/login">
            工作人员登录
          </a>
        </p>
      </>
    ),
  });
}
