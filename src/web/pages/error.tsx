// The page for any refused or failed request: status and the Chinese message, nothing else.
import { renderPage } from '../layout.tsx';

export function renderError({ status, message }: { status: number; message: string }): string {
  return renderPage({
    title: `${message}（${status}）`,
    children: (
      <section class="panel">
        <h1>{message}</h1>
        <p class="muted">错误代码 {status}</p>
        <p>
          <a href="/">返回首页</a>
        </p>
      </section>
    ),
  });
}
