// Files an applicant attaches to an application (身份证明 and the like): at most attachmentRules.maxCount, each at
// most attachmentRules.maxBytes, and only PDF, JPG or PNG — the type is read from the file's first bytes, never
// from its name or the type the browser declared; a name whose suffix says otherwise is refused too, so that
// no one downloads a PNG called 证明.pdf. Every message is Chinese and names the file. Pure.
import { attachmentRules } from './input.ts';
import type { Attachment } from './store.ts';

/** A file as it came in: `truncated` when the upload went past the size limit (only a prefix was kept). */
export interface Upload {
  name: string;
  bytes: Uint8Array;
  truncated: boolean;
}

type Mime = 'application/pdf' | 'image/jpeg' | 'image/png';

const SIGNATURES: readonly { mime: Mime; bytes: readonly number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The suffixes each type may be named with; the first is added to a name without one. */
const SUFFIXES: Readonly<Record<Mime, readonly string[]>> = {
  'application/pdf': ['.pdf'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe'],
  'image/png': ['.png'],
};

const MAX_NAME = 100;
const MEGABYTES = attachmentRules.maxBytes / (1024 * 1024);
const ALLOWED = Object.values(attachmentRules.types).join('、');

/** The type the content says, or null when it is none of the allowed ones. */
export function sniffType(bytes: Uint8Array): Mime | null {
  const found = SIGNATURES.find((s) => s.bytes.every((b, i) => bytes[i] === b));
  return found && Object.hasOwn(attachmentRules.types, found.mime) ? found.mime : null;
}

/** The file's own name without any path, control characters or characters unsafe in a file name; bounded. */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '').trim();
  if (clean.length <= MAX_NAME) return clean || '附件';
  const dot = clean.lastIndexOf('.');
  const suffix = dot > 0 && clean.length - dot <= 6 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_NAME - suffix.length) + suffix;
}

/** The name's file-type suffix (.pdf, .exe …), or null: a dot followed by anything else (第2.3版) is no suffix. */
function suffixOf(name: string): string | null {
  const m = /\.[a-z][a-z0-9]{0,4}$/i.exec(name);
  return m && m.index > 0 ? m[0].toLowerCase() : null;
}

/** The attachments to store, or the problems (one message per file at fault, or one for too many files). */
export function checkAttachments(uploads: readonly Upload[]): { attachments: Attachment[]; problems: string[] } {
  if (uploads.length > attachmentRules.maxCount) {
    return { attachments: [], problems: [`附件最多 ${attachmentRules.maxCount} 个，您选择了 ${uploads.length} 个`] };
  }
  const attachments: Attachment[] = [];
  const problems: string[] = [];
  for (const upload of uploads) {
    const name = cleanFileName(upload.name);
    if (upload.truncated || upload.bytes.byteLength > attachmentRules.maxBytes) {
      problems.push(`附件「${name}」超过 ${MEGABYTES} MB，每个附件不得超过 ${MEGABYTES} MB`);
      continue;
    }
    if (upload.bytes.byteLength === 0) {
      problems.push(`附件「${name}」是空文件`);
      continue;
    }
    const mime = sniffType(upload.bytes);
    if (mime === null) {
      problems.push(`附件「${name}」不是 ${ALLOWED} 文件（按文件内容识别），只能上传 ${ALLOWED} 格式`);
      continue;
    }
    const suffix = suffixOf(name);
    const suffixes = SUFFIXES[mime];
    if (suffix !== null && !suffixes.includes(suffix)) {
      problems.push(`附件「${name}」的内容是 ${attachmentRules.types[mime]} 格式，与文件名后缀“${suffix}”不符，请改正文件名或重新选择文件`);
      continue;
    }
    attachments.push({ name: suffix === null ? `${name}${suffixes[0]}` : name, mime, content: upload.bytes });
  }
  return { attachments, problems };
}
