// Roles, agency levels and agency types with their Chinese names, and the rule of what a role may see.
import type { AgencyLevel, AgencyType, Role } from '../db/schema.ts';

export type { AgencyLevel, AgencyType, Role };

export const roleLabels: Readonly<Record<Role, string>> = {
  handler: '承办人员',
  office: '公开办',
  leader: '机关负责人',
  supervisor: '监督人员',
  admin: '系统管理员',
};

export const agencyLevelLabels: Readonly<Record<AgencyLevel, string>> = {
  national: '国家级',
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
};

export const agencyTypeLabels: Readonly<Record<AgencyType, string>> = {
  government: '人民政府',
  department: '政府部门',
  office: '办公厅（室）',
  other: '其他机关',
};

export const roles = Object.keys(roleLabels) as Role[];
export const agencyLevels = Object.keys(agencyLevelLabels) as AgencyLevel[];
export const agencyTypes = Object.keys(agencyTypeLabels) as AgencyType[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(roleLabels, value);
}

export function isAgencyLevel(value: unknown): value is AgencyLevel {
  return typeof value === 'string' && Object.hasOwn(agencyLevelLabels, value);
}

export function isAgencyType(value: unknown): value is AgencyType {
  return typeof value === 'string' && Object.hasOwn(agencyTypeLabels, value);
}

/** Which agencies' records a role reads: its own agency, or — supervisors — its agency and all below it. */
export type Scope = 'agency' | 'subtree';

export function scopeOf(role: Role): Scope {
  return role === 'supervisor' ? 'subtree' : 'agency';
}
