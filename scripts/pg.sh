#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and development, entirely inside one directory.
#   scripts/pg.sh start DIR   initialise DIR/data if needed, start on a free port of 127.0.0.1 and print
#                             postgres://postgres@127.0.0.1:PORT/postgres (also written to DIR/url)
#   scripts/pg.sh stop DIR    stop it (fast shutdown)
#   scripts/pg.sh status DIR  print the URL if it is running, exit 1 if not
# Trust authentication on 127.0.0.1 only, fsync off: for tests, never for real data. When run as root the
# server runs as the OS user postgres (initdb refuses root). The unix socket lives in DIR as well.
set -euo pipefail

die() {
  printf 'pg.sh：%s\n' "$*" >&2
  exit 1
}

usage() {
  printf '用法：scripts/pg.sh start|stop|status 目录\n' >&2
  exit 2
}

[ $# -eq 2 ] || usage
action=$1
[ -n "$2" ] || usage

find_bindir() {
  local initdb candidate
  if initdb=$(command -v initdb 2>/dev/null); then
    candidate=$(dirname "$(readlink -f "$initdb")")
    [ -x "$candidate/pg_ctl" ] && { printf '%s\n' "$candidate"; return; }
  fi
  candidate=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$candidate" ] && [ -x "$candidate/initdb" ] && [ -x "$candidate/pg_ctl" ] && { printf '%s\n' "$candidate"; return; }
  die '找不到 PostgreSQL 程序（initdb、pg_ctl）：PATH 和 /usr/lib/postgresql/*/bin 中都没有。Debian/Ubuntu 可执行 apt-get install -y postgresql'
}

# Runs a command as the database's OS user: postgres when we are root, otherwise ourselves.
as_db_user() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

free_port() {
  local port
  for port in $(shuf -i 20000-60000 -n 50 2>/dev/null || seq 54320 54370); do
    # Nothing answering on the port (the connection attempt fails) means it is free.
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      printf '%s\n' "$port"
      return
    fi
  done
  die '在 127.0.0.1 上找不到空闲端口'
}

is_running() {
  [ -f "$data/postmaster.pid" ] && as_db_user "$bindir/pg_ctl" -D "$data" status >/dev/null 2>&1
}

if [ "$action" = start ]; then
  mkdir -p "$2" || die "无法创建目录 $2"
fi
[ -d "$2" ] || die "目录 $2 不存在"
dir=$(cd "$2" && pwd -P)
data=$dir/data
bindir=$(find_bindir)

case $action in
  start)
    if is_running; then
      [ -f "$dir/url" ] || die "$data 中的 PostgreSQL 已在运行，但缺少 $dir/url"
      cat "$dir/url"
      exit 0
    fi
    if [ "$(id -u)" -eq 0 ]; then
      id postgres >/dev/null 2>&1 || die '以 root 运行时需要操作系统用户 postgres（安装 postgresql 软件包会创建它）'
      chown -R postgres: "$dir" || die "无法把目录 $dir 交给用户 postgres"
      as_db_user test -w "$dir" -a -x "$dir" ||
        die "用户 postgres 无法进入或写入 $dir（请检查其上级目录的权限，或换用 /tmp 下的目录）"
    fi
    if [ ! -f "$data/PG_VERSION" ]; then
      as_db_user "$bindir/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C --no-sync \
        >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; die "initdb 失败（日志：$dir/initdb.log）"; }
    fi
    port=$(free_port)
    as_db_user "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 \
      -o "-k '$dir' -h 127.0.0.1 -p $port -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null 2>&1 || { tail -n 20 "$dir/server.log" >&2 2>/dev/null || true; die "PostgreSQL 启动失败（日志：$dir/server.log）"; }
    url="postgres://postgres@127.0.0.1:$port/postgres"
    printf '%s\n' "$url" >"$dir/url"
    printf '%s\n' "$url"
    ;;
  stop)
    is_running || die "$data 中没有正在运行的 PostgreSQL"
    as_db_user "$bindir/pg_ctl" -D "$data" -m fast -w stop >/dev/null || die "PostgreSQL 停止失败（日志：$dir/server.log）"
    ;;
  status)
    is_running || die "$data 中没有正在运行的 PostgreSQL"
    cat "$dir/url"
    ;;
  *)
    usage
    ;;
esac
