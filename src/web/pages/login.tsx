// The staff log-in form. Re-rendered with the Chinese message when a log-in fails.
import { renderPage } from '../layout.tsx';

export interface LoginView {
  error?: string | undefined;
  username?: string | undefined;
  /** Where to go after logging in (a path on this site, already checked). */
  next?: string | undefined;
}

export function renderLogin({ error, username, next }: LoginView): string {
  return renderPage({
    title: '工作人员登录',
    children: (
      <section class="panel panel--narrow">
        <h1>工作人员登录</h1>
        {error ? (
          <p class="alert" role="alert" id="login-error">
            {error}
          </p>
        ) : null}
        <form method="post" action="/login" class="form" aria-describedby={error ? 'login-error' : undefined}>
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <label for="username">用户名</label>
          <input id="username" name="username" type="text" autocomplete="username" required maxlength={64} value={username ?? ''} />
          <label for="password">密码</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxlength={256} />
          <button type="submit" class="button">
            登录
          </button>
        </form>
      </section>
    ),
  });
}
