// Legacy: a de-duplicated proactive total (不同渠道和方式公开相同信息计1条) that is exactly the sum of two or more
// channels — every item then went out on one channel only, or the total simply added the channels (004:
// 3,597 + 19 + 343 = 3,959). Not wrong, suspicious: a warning.
import type { Check, CellId } from '../model.ts';
import { cellValue, nameOf, shown, valueOf, type Ctx } from './arithmetic.ts';
import { ownCheck } from './own.ts';
import { rowName, type Schema } from './schema.ts';

const TOTAL = 'legacy.proactive.total/value';
const CHANNELS = 'legacy.proactive.channels';

/** The channel cells of a layout, made once. */
const CHANNEL_CELLS = new WeakMap<Schema, CellId[]>();

function channelsOf(schema: Schema): CellId[] {
  let cells = CHANNEL_CELLS.get(schema);
  if (cells === undefined) CHANNEL_CELLS.set(schema, (cells = schema.children(CHANNELS).map((r) => `${r.id}/value`)));
  return cells;
}

export function channelsSumIsTotal(ctx: Ctx): Check[] {
  if (ctx.report.format !== 'legacy' || !ctx.schema) return [];
  const schema = ctx.schema;
  const channels = channelsOf(schema);
  const total = valueOf(ctx, TOTAL);
  if (channels.length === 0 || typeof total !== 'number') return [];
  const known = channels.filter((id) => typeof valueOf(ctx, id) === 'number');
  const used = known.filter((id) => (valueOf(ctx, id) as number) > 0);
  const sum = known.reduce((s, id) => s + (valueOf(ctx, id) as number), 0);
  const cells = [TOTAL, ...channels];
  if (used.length < 2) return [ownCheck(ctx, 'channels_sum_is_total', 'holds', '公开渠道不足两个，总数无需去重', cells)];
  if (Math.abs(sum - total) > 1e-6) {
    if (sum < total && known.length < channels.length) return [];
    return [ownCheck(ctx, 'channels_sum_is_total', 'holds', `各渠道之和 ${shown(sum)}，不同于${cellValue(ctx, TOTAL)}，总数已去重`, cells)];
  }
  const list = used.map((id) => `「${rowName(schema, id.split('/')[0]!)}」${shown(valueOf(ctx, id) as number)}`).join(' + ');
  return [
    ownCheck(ctx, 'channels_sum_is_total', 'fails', `${cellValue(ctx, TOTAL)}，恰为各渠道之和 ${list}：多个渠道公开的同一信息可能被重复计数（应计1条）`, cells),
  ];
}
