// The frame of every page: document head, header (public or staff), main, footer. Pages are rendered on
// the server and need no JavaScript; preact escapes every text and attribute value.
import type { ComponentChildren } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { elderToggleHref } from './elder.ts';

/** The signed-in staff member, as the header shows them. */
export interface StaffBadge {
  displayName: string;
  roleLabel: string;
}

export interface PageProps {
  title: string;
  /** Present on staff pages: the header then shows the user and 退出登录 instead of 工作人员登录. */
  staff?: StaffBadge | undefined;
  /** 长辈版 (elder mode, src/web/elder.ts): larger type and higher contrast; `class="elder"` on <body>. */
  elder?: boolean | undefined;
  /** On public pages: the path the 长辈版 / 标准版 link comes back to. Absent: no link (staff pages, and pages that
   *  must not be left by accident, such as the one showing a new 查询码). */
  elderToggle?: string | undefined;
  children: ComponentChildren;
}

function Header({ staff, elder, elderToggle }: Pick<PageProps, 'staff' | 'elder' | 'elderToggle'>) {
  return (
    <header class="site-header">
      <div class="wrap site-header__inner">
        <a class="brand" href={staff ? '/staff' : '/'}>
          {staff ? '政府信息公开工作台' : '政府信息公开'}
        </a>
        {staff ? (
          <form class="account" method="post" action="/logout">
            <span class="account__name">
              {staff.displayName}（{staff.roleLabel}）
            </span>
            <button type="submit" class="button button--quiet">
              退出登录
            </button>
          </form>
        ) : (
          <nav class="site-nav" aria-label="站点工具">
            {elderToggle !== undefined ? (
              <a class="mode-toggle" href={elderToggleHref(elder === true, elderToggle)}>
                {elder ? '标准版' : '长辈版'}
              </a>
            ) : null}
            <a class="account" href="/login">
              工作人员登录
            </a>
          </nav>
        )}
      </div>
    </header>
  );
}

function Page({ title, staff, elder, elderToggle, children }: PageProps) {
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/site.css" />
      </head>
      <body class={elder ? 'elder' : undefined}>
        <a class="skip-link" href="#main">
          跳到主要内容
        </a>
        <Header staff={staff} elder={elder} elderToggle={staff ? undefined : elderToggle} />
        <main id="main" class="wrap">
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">依据《中华人民共和国政府信息公开条例》建设 · Gongkai 开源政府信息公开平台</div>
        </footer>
      </body>
    </html>
  );
}

export function renderPage(props: PageProps): string {
  return `<!doctype html>${renderToString(<Page {...props} />)}`;
}
