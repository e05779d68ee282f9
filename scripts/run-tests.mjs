// Runs the tests with node's test runner (so CI reads the closing `# pass N` / `# fail N` lines).
//   all — every *.test.ts under src/ and test/ (database tests on SQLite unless DATABASE_URL is set)
//   db  — only the database tests (*.db.test.ts), e.g. again with DATABASE_URL=postgres://…
//   e2e — only the browser tests (test/e2e)
// Node 20's --test takes no glob patterns, hence this script.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const mode = process.argv[2] ?? 'all';
const extra = process.argv.slice(3);
const select = {
  all: (f) => f.endsWith('.test.ts'),
  db: (f) => f.endsWith('.db.test.ts'),
  e2e: (f) => f.endsWith('.test.ts') && f.split(path.sep).includes('e2e'),
}[mode];
if (!select) {
  console.error(`未知的测试范围：${mode}（可选 all、db、e2e）`);
  process.exit(2);
}

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : walk(p);
    return [p];
  });
}

const files = ['src', 'test'].flatMap((d) => walk(d)).filter(select).sort();
if (files.length === 0) {
  console.error(`没有找到测试文件（范围：${mode}）`);
  process.exit(1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...extra, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
