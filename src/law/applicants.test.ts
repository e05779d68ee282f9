import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatById } from '../reports/formats.ts';
import {
  applicantKinds,
  applicantLabel,
  checkDocumentNumber,
  isApplicantKind,
  isOrganisationKind,
  isPersonDocumentType,
  organisationKinds,
  personDocuments,
  t3ColumnOf,
  type ApplicantCategory,
} from './applicants.ts';

const everyCategory: ApplicantCategory[] = [
  { kind: 'person' },
  ...organisationKinds.map((k) => ({ kind: 'organisation' as const, organisationKind: k.id })),
];

function t3Columns(formatId: 'fmt2019' | 'fmt2021') {
  const t3 = formatById(formatId).tables.find((t) => t.id === 't3');
  assert.ok(t3?.columns, `${formatId} has table t3 with columns`);
  return t3.columns;
}

test('applicant kinds: 自然人 and 法人或其他组织 with the five kinds of table 三', () => {
  assert.deepEqual(applicantKinds, [
    { id: 'person', label: '自然人' },
    { id: 'organisation', label: '法人或其他组织' },
  ]);
  assert.deepEqual(organisationKinds, [
    { id: 'business', label: '商业企业' },
    { id: 'research', label: '科研机构' },
    { id: 'nonprofit', label: '社会公益组织' },
    { id: 'legal_services', label: '法律服务机构' },
    { id: 'other', label: '其他' },
  ]);
});

test('every applicant counts in a column of table 三 in both formats, with the same label, and every column but 总计 is used', () => {
  for (const formatId of ['fmt2019', 'fmt2021'] as const) {
    const columns = t3Columns(formatId);
    for (const a of everyCategory) {
      const column = columns.find((c) => c.id === t3ColumnOf(a));
      assert.ok(column, `${formatId}: ${t3ColumnOf(a)}`);
      const label = a.kind === 'person' ? '自然人' : organisationKinds.find((k) => k.id === a.organisationKind)!.label;
      assert.equal(column.label, label);
      assert.equal(column.group, a.kind === 'person' ? undefined : '法人或其他组织');
    }
    const used = new Set(everyCategory.map(t3ColumnOf));
    assert.deepEqual(columns.filter((c) => !used.has(c.id)).map((c) => c.id), ['total'], formatId);
  }
});

test('column ids as printed in formats.json', () => {
  assert.equal(t3ColumnOf({ kind: 'person' }), 'natural_person');
  assert.equal(t3ColumnOf({ kind: 'organisation', organisationKind: 'legal_services' }), 'legal.legal_service');
  assert.equal(t3ColumnOf({ kind: 'organisation', organisationKind: 'other' }), 'legal.other');
});

test('applicant labels', () => {
  assert.equal(applicantLabel({ kind: 'person' }), '自然人');
  assert.equal(applicantLabel({ kind: 'organisation', organisationKind: 'research' }), '法人或其他组织（科研机构）');
});

test('identity documents of a natural person', () => {
  assert.deepEqual(
    personDocuments.map((d) => [d.id, d.label]),
    [
      ['resident_id_card', '居民身份证'],
      ['hk_macao_permit', '港澳居民来往内地通行证'],
      ['taiwan_permit', '台湾居民来往大陆通行证'],
      ['passport', '护照'],
      ['foreign_permanent_residence', '外国人永久居留身份证'],
      ['other', '其他'],
    ],
  );
});

test('document numbers: the identity card by GB 11643, the others as written', () => {
  assert.deepEqual(checkDocumentNumber('resident_id_card', '11010519491231002x', '2025-01-01'), { ok: true, value: '11010519491231002X' });
  assert.deepEqual(checkDocumentNumber('resident_id_card', '110105194912310021', '2025-01-01'), {
    ok: false,
    message: '身份证号码校验位错误：按前 17 位计算应为 X，现为 1',
  });
  assert.deepEqual(checkDocumentNumber('passport', ' E12345678 '), { ok: true, value: 'E12345678' });
  assert.deepEqual(checkDocumentNumber('hk_macao_permit', '  '), { ok: false, message: '请填写证件号码（港澳居民来往内地通行证）' });
  assert.equal(checkDocumentNumber('other', 'x'.repeat(51)).ok, false);
});

test('guards accept the ids only', () => {
  assert.ok(isApplicantKind('organisation') && isOrganisationKind('nonprofit') && isPersonDocumentType('passport'));
  for (const v of ['legal', 'natural_person', 'legal.business', 'toString', '', null]) {
    assert.equal(isApplicantKind(v) || isOrganisationKind(v) || isPersonDocumentType(v), false, String(v));
  }
});
