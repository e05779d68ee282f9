// `npm run bench`: every benchmark of the project, each printing its figures and the ratio against the
// baseline it measures in the same run. `npm run bench -- deadline` runs one by name.
const benches: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  deadline: () => import('./deadline.ts'),
  parse: () => import('./parse.ts'),
  applications: () => import('./applications.ts'),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benches));
if (unknown.length > 0) {
  console.error(`未知的基准测试：${unknown.join('、')}（可选：${Object.keys(benches).join('、')}）`);
  process.exit(2);
}
for (const [name, load] of Object.entries(benches)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.log(`\n== ${name} ==`);
  await (await load()).run();
}
