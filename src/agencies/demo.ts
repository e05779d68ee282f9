// The demo city (demo-data.json): a city government, its office and three departments, an account for every role (two handlers).
// Seeding is idempotent — only what is absent is created — and happens in one transaction.
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { isUniqueViolation } from '../db/errors.ts';
import { appendAudit } from '../audit/store.ts';
import demoData from './demo-data.json' with { type: 'json' };
import { isAgencyLevel, isAgencyType, isRole, type AgencyLevel, type AgencyType, type Role } from './model.ts';
import { hashPassword } from './passwords.ts';
import { createAgency, createUser, findAgencyByCode } from './store.ts';

export interface DemoAccount {
  username: string;
  password: string;
  role: Role;
  displayName: string;
  agencyName: string;
}

const demoSchema = z
  .object({
    password: z.string().min(8),
    agencies: z.array(
      z.object({
        code: z.string().min(1),
        parent: z.string().nullable(),
        name: z.string().min(1),
        level: z.custom<AgencyLevel>(isAgencyLevel, '未知的机关层级'),
        type: z.custom<AgencyType>(isAgencyType, '未知的机关类型'),
      }),
    ),
    users: z.array(
      z.object({
        username: z.string().min(1),
        displayName: z.string().min(1),
        role: z.custom<Role>(isRole, '未知的角色'),
        agency: z.string(),
      }),
    ),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    for (const [i, a] of d.agencies.entries()) {
      if (a.parent !== null && !seen.has(a.parent)) {
        ctx.addIssue({ code: 'custom', path: ['agencies', i, 'parent'], message: `上级机关 ${a.parent} 须列在本机关之前` });
      }
      seen.add(a.code);
    }
    for (const [i, u] of d.users.entries()) {
      if (!seen.has(u.agency)) ctx.addIssue({ code: 'custom', path: ['users', i, 'agency'], message: `没有代码为 ${u.agency} 的机关` });
    }
  });

type DemoData = z.infer<typeof demoSchema>;

const seedReason = '创建演示数据';

/** Idempotent: creates the demo city (government office + three departments) and an account for every role (two
 *  handlers, at two departments) when absent; returns the accounts (with their plain demo passwords) so `npm start`
 *  can print them. */
export async function seedDemo(db: Db): Promise<DemoAccount[]> {
  const parsed = demoSchema.safeParse(demoData);
  if (!parsed.success) throw new Error(`演示数据文件 demo-data.json 有误：\n${z.prettifyError(parsed.error)}`);
  const demo = parsed.data;
  try {
    await seedAbsent(db, demo);
  } catch (error) {
    // Another process seeded at the same moment; a second pass finds its rows and creates nothing twice.
    if (!isUniqueViolation(error)) throw error;
    await seedAbsent(db, demo);
  }
  const agencyNames = new Map(demo.agencies.map((a) => [a.code, a.name]));
  return demo.users.map((u) => ({
    username: u.username,
    password: demo.password,
    role: u.role,
    displayName: u.displayName,
    agencyName: agencyNames.get(u.agency)!,
  }));
}

async function seedAbsent(db: Db, demo: DemoData): Promise<void> {
  const usernames = demo.users.map((u) => u.username);
  const present = await db.selectFrom('users').select('username').where('username', 'in', usernames).execute();
  const absent = demo.users.filter((u) => !present.some((p) => p.username === u.username));
  // scrypt is deliberately slow: hash before the transaction, and only for accounts still to be created.
  const hashes = await Promise.all(absent.map(() => hashPassword(demo.password)));

  await db.transaction().execute(async (tx) => {
    const agencyIds = new Map<string, number>();
    for (const a of demo.agencies) {
      let agency = await findAgencyByCode(tx, a.code);
      if (!agency) {
        const parentId = a.parent === null ? null : agencyIds.get(a.parent)!;
        agency = await createAgency(tx, { parentId, code: a.code, name: a.name, level: a.level, type: a.type });
        await appendAudit(tx, {
          actorUserId: null,
          agencyId: agency.id,
          subjectType: 'agency',
          subjectId: String(agency.id),
          action: 'created',
          reason: seedReason,
        });
      }
      agencyIds.set(a.code, agency.id);
    }
    for (const [i, u] of absent.entries()) {
      const user = await createUser(tx, {
        agencyId: agencyIds.get(u.agency)!,
        username: u.username,
        displayName: u.displayName,
        role: u.role,
        passwordHash: hashes[i]!,
      });
      await appendAudit(tx, {
        actorUserId: null,
        agencyId: user.agency_id,
        subjectType: 'user',
        subjectId: String(user.id),
        action: 'created',
        reason: seedReason,
        data: { username: user.username, role: user.role },
      });
    }
  });
}
