// The supervisor's report reader: GET /reader (the form), POST /reader (upload a file — multipart, at most
// 20 MB — or paste the text) → the result page; errors come back on the form with a Chinese message and
// 400 (nothing sent), 413 (too large) or 422 (not readable, or no report in it). No log-in for now.
import { readFileSync } from 'node:fs';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendHtml } from '../http/reply.ts';
import { INPUT_LIMITS, readInput, type InputText } from './inputs/index.ts';
import { splitLines } from './normalize.ts';
import { ReaderError } from './model.ts';
import { parseInput } from './parse.ts';
import { READER_CSS, renderReaderForm, renderReaderResult } from './views/pages.tsx';

/** The inputs' own limit, so that a file the form accepts is never refused for its size afterwards. */
export const MAX_UPLOAD_BYTES = INPUT_LIMITS.maxBytes;
const PASTED = '粘贴的文本';
/** Pasted text longer than this is not put back into the form after an error. */
const KEEP_TEXT = 1024 * 1024;

const css = readFileSync(new URL('./views/reader.css', import.meta.url));

interface Submission {
  file?: { name: string; bytes: Buffer };
  text?: string;
}

class FormError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const LIMIT = `${MAX_UPLOAD_BYTES / 1_000_000} MB`;
const TOO_LARGE = `文件过大，上限 ${LIMIT}`;

async function readSubmission(request: FastifyRequest): Promise<Submission> {
  if (!request.isMultipart()) {
    const text = (request.body as { text?: unknown } | undefined)?.text;
    return typeof text === 'string' ? { text } : {};
  }
  const out: Submission = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (bytes.length > 0) out.file = { name: (part.filename || '上传的文件').slice(0, 200), bytes };
      } else if (part.fieldname === 'text' && typeof part.value === 'string') {
        if (part.valueTruncated) throw new FormError(413, `粘贴的文本过长，上限 ${LIMIT}`);
        out.text = part.value;
      }
    }
  } catch (error) {
    if (error instanceof FormError) throw error;
    const e = error as { code?: unknown; statusCode?: unknown };
    if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413) throw new FormError(413, TOO_LARGE);
    throw error;
  }
  return out;
}

/** The text to read and its name: the uploaded file's (decoded by the inputs) or the pasted text. */
async function sourceOf(submission: Submission): Promise<{ input: InputText; name: string }> {
  if (submission.file) {
    try {
      return { input: await readInput(submission.file.bytes, submission.file.name), name: submission.file.name };
    } catch (error) {
      if (error instanceof ReaderError) throw new FormError(422, error.message);
      throw error;
    }
  }
  if (submission.text !== undefined && submission.text.trim() !== '') return { input: { kind: 'text', text: submission.text, warnings: [] }, name: PASTED };
  throw new FormError(400, '请上传报告文件，或粘贴报告全文');
}

async function postReader(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  let submission: Submission = {};
  try {
    submission = await readSubmission(request);
    const { input, name } = await sourceOf(submission);
    const report = parseInput(input, name);
    if (report.format === null && report.figures.length === 0) {
      throw new FormError(422, '未能在其中找到政府信息公开工作年度报告的表格或统计数字');
    }
    return sendHtml(reply, renderReaderResult({ report, lines: splitLines(input.text) }));
  } catch (error) {
    if (!(error instanceof FormError)) throw error;
    const text = submission.text !== undefined && submission.text.length <= KEEP_TEXT ? submission.text : undefined;
    return sendHtml(reply, renderReaderForm({ error: error.message, ...(text !== undefined ? { text } : {}) }), error.status);
  }
}

export async function readerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: { fileSize: MAX_UPLOAD_BYTES, fieldSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5 },
  });

  app.get(READER_CSS, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css));

  app.get('/reader', async (_request, reply) => sendHtml(reply, renderReaderForm({})));

  // Reading a report costs CPU: a tighter limit per client than the site's.
  app.post('/reader', { config: { rateLimit: { max: 30, timeWindow: '1 minute' } } }, postReader);
}
