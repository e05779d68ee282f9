// The forms of the steps a viewer may take on a case, one <details> each (no script needed). Each posts to
// /staff/applications/:id/actions/:type from this page; the server decides (lifecycle.ts). A refused form comes
// back open with what was typed. The reply is chosen in two steps (type, then its letter's fields), so each
// type shows only the fields its letter needs and the legal basis starts as the type's own.
import type { ComponentChildren } from 'preact';
import { deliveryMethods } from '../../../law/delivery.ts';
import type { ReplyType } from '../../../law/replies.ts';
import { ACTION_LABELS, type ActionType } from '../../model.ts';
import { DATE_NAMES } from '../../lifecycle.ts';
import { FieldLabel, hintIdOf } from './fields.tsx';

export interface ActionFormContext {
  caseId: number;
  today: string;
  /** Departments the case may be routed to (转办). */
  departments: readonly { id: number; name: string }[];
  /** Open consultations (征求意见) that an end_consultation may close. */
  openConsultations: readonly { seq: number; label: string }[];
  /** The reply types of the case's regime that a reply may use, in the report's order. */
  replyTypes: readonly ReplyType[];
  /** The reply type chosen in the first step, if any. */
  chosenReply: ReplyType | null;
  /** Suggested dates: the end of a 补正 period, the last day to pay a fee. */
  suggestions: { correctionEnd: string; payBy: string };
  /** The form that was refused, with its values. */
  draft: { type: ActionType; values: Readonly<Record<string, string>> } | null;
}

/** How the step's date is named on its form. */
const DATE_LABELS: Partial<Record<ActionType, string>> = {
  ...DATE_NAMES,
  sign: '签收日期（与申请人确认之日，即收到申请之日）',
  approve_extension: '批准之日',
  reject_extension: '决定之日',
  reply: '答复日期（答复书落款日期）',
};

/** The reason field: its label and whether the rules require it. */
const REASONS: Partial<Record<ActionType, { label: string; required?: boolean; hint?: string }>> = {
  assign: { label: '转办说明' },
  return: { label: '退回理由', required: true },
  correction_received: { label: '逾期补正的正当理由', hint: '在补正期限内收到的，不必填写。' },
  correction_lapsed: { label: '说明' },
  fee_paid: { label: '逾期缴费的理由', hint: '在缴费期限内缴纳的，不必填写。' },
  fee_lapsed: { label: '说明' },
  request_extension: { label: '延期理由', required: true, hint: '条例第三十三条第二款：需要延长答复期限的，应当经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不得超过 20 个工作日。' },
  approve_extension: { label: '批准意见' },
  reject_extension: { label: '不批准的理由' },
  custom_deadline: { label: '另行确定答复期限的理由', required: true, hint: '条例第三十五条：申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由……理由合理，但是无法在规定期限内答复申请人的，可以确定延迟答复的合理期限并告知申请人。' },
  withdraw: { label: '撤回情况', hint: '如：申请人于某日书面撤回申请。' },
};

const BUTTONS: Partial<Record<ActionType, string>> = {
  sign: '签收',
  assign: '转办',
  return: '退回公开办',
  request_correction: '发出补正通知',
  correction_received: '登记收到补正',
  correction_lapsed: '认定视为放弃',
  start_consultation: '登记征求意见',
  end_consultation: '登记征求意见结束',
  fee_notice: '发出收费通知',
  fee_paid: '登记缴费',
  fee_lapsed: '认定视为放弃',
  request_extension: '提交延期申请',
  approve_extension: '批准延期',
  reject_extension: '不批准延期',
  custom_deadline: '确定答复期限',
  reply: '作出答复',
  deliver: '登记送达',
  withdraw: '登记撤回',
  note: '添加备注',
};

type Values = Readonly<Record<string, string>>;

function valuesFor(type: ActionType, ctx: ActionFormContext): Values {
  return ctx.draft?.type === type ? ctx.draft.values : {};
}

/** A date input; `fallback` (default today) is its value until the user typed one. The step's own date (`on`)
 *  may not be later than today. */
function DateField(props: { type: ActionType; values: Values; ctx: ActionFormContext; name?: string; label?: string; fallback?: string }) {
  const name = props.name ?? 'on';
  const id = `${props.type}-${name}`;
  return (
    <>
      <label for={id}>{props.label ?? DATE_LABELS[props.type] ?? '日期'}</label>
      <input id={id} name={name} type="date" value={props.values[name] ?? props.fallback ?? props.ctx.today} max={name === 'on' ? props.ctx.today : undefined} required />
    </>
  );
}

function TextArea(props: { type: ActionType; name: string; label: string; values: Values; required?: boolean; hint?: string; rows?: number; value?: string }) {
  const id = `${props.type}-${props.name}`;
  return (
    <>
      <FieldLabel id={id} label={props.label} required={props.required} hint={props.hint} />
      <textarea id={id} name={props.name} rows={props.rows ?? 3} maxLength={2000} aria-describedby={hintIdOf(id, props.hint)}>
        {props.values[props.name] ?? props.value ?? ''}
      </textarea>
    </>
  );
}

function TextInput(props: { type: ActionType; name: string; label: string; values: Values; value?: string; hint?: string; max?: number }) {
  const id = `${props.type}-${props.name}`;
  return (
    <>
      <FieldLabel id={id} label={props.label} hint={props.hint} />
      <input
        id={id}
        name={props.name}
        type="text"
        value={props.values[props.name] ?? props.value ?? ''}
        maxLength={props.max ?? 200}
        aria-describedby={hintIdOf(id, props.hint)}
      />
    </>
  );
}

function Reason({ type, values }: { type: ActionType; values: Values }) {
  const r = REASONS[type];
  if (!r) return null;
  return <TextArea type={type} name="reason" label={r.label} values={values} required={r.required ?? false} {...(r.hint ? { hint: r.hint } : {})} />;
}

function ActionForm({ type, ctx, children, open }: { type: ActionType; ctx: ActionFormContext; children: ComponentChildren; open?: boolean }) {
  return (
    <details class="action" id={`action-${type}`} open={open || ctx.draft?.type === type}>
      <summary>{ACTION_LABELS[type]}</summary>
      <form method="post" action={`/staff/applications/${ctx.caseId}/actions/${type}`} class="form">
        {children}
        <button type="submit" class="button">
          {BUTTONS[type] ?? ACTION_LABELS[type]}
        </button>
      </form>
    </details>
  );
}

/** The fields of a form besides its date and reason. */
function Fields({ type, ctx, values }: { type: ActionType; ctx: ActionFormContext; values: Values }) {
  switch (type) {
    case 'assign':
      return (
        <>
          <label for="assign-departmentId">承办部门</label>
          <select id="assign-departmentId" name="departmentId" required>
            <option value="">请选择</option>
            {ctx.departments.map((d) => (
              <option value={String(d.id)} selected={values.departmentId === String(d.id)}>
                {d.name}
              </option>
            ))}
          </select>
        </>
      );
    case 'request_correction':
      return (
        <>
          <TextArea
            type={type}
            name="items"
            label="需要补正的事项"
            values={values}
            required
            rows={4}
            hint="条例第三十条：一次性告知申请人需要补正的事项，每项一行。补正通知应自收到申请之日起 7 个工作日内发出。"
          />
          <DateField type={type} name="periodEnd" label="补正期限（最后一日）" values={values} fallback={ctx.suggestions.correctionEnd} ctx={ctx} />
          <p class="hint">建议给予合理的补正期限，默认为通知之日起 15 个工作日。</p>
        </>
      );
    case 'start_consultation':
      return (
        <>
          <fieldset class="radios">
            <legend>征求意见的对象</legend>
            <label class="choice choice--inline">
              <input type="radio" name="party" value="third_party" checked={(values.party ?? 'third_party') === 'third_party'} /> 第三方（条例第三十二条）
            </label>
            <label class="choice choice--inline">
              <input type="radio" name="party" value="agency" checked={values.party === 'agency'} /> 其他机关（条例第三十四条）
            </label>
          </fieldset>
          <TextInput type={type} name="name" label="对象名称" values={values} />
        </>
      );
    case 'end_consultation':
      return (
        <>
          {ctx.openConsultations.length > 1 ? (
            <>
              <label for="end_consultation-startSeq">结束哪一项征求意见</label>
              <select id="end_consultation-startSeq" name="startSeq" required>
                {ctx.openConsultations.map((c) => (
                  <option value={String(c.seq)} selected={values.startSeq === String(c.seq)}>
                    {c.label}
                  </option>
                ))}
              </select>
            </>
          ) : null}
          <fieldset class="radios">
            <legend>是否收到答复意见</legend>
            <label class="choice choice--inline">
              <input type="radio" name="replied" value="yes" checked={values.replied === 'yes'} required /> 已收到
            </label>
            <label class="choice choice--inline">
              <input type="radio" name="replied" value="no" checked={values.replied === 'no'} /> 逾期未答复
            </label>
          </fieldset>
        </>
      );
    case 'fee_notice':
      return (
        <>
          <TextInput type={type} name="amount" label="收费金额（元）" values={values} max={12} hint="依《政府信息公开信息处理费管理办法》计算，最多保留两位小数。" />
          <TextArea type={type} name="basis" label="收费依据、标准和计算方式" values={values} required />
          <DateField type={type} name="payBy" label="缴费期限（最后一日）" values={values} fallback={ctx.suggestions.payBy} ctx={ctx} />
          <p class="hint">申请人自收到收费通知之日起 20 个工作日内缴费，缴费期限不得早于通知之日后第 20 个工作日。</p>
        </>
      );
    case 'custom_deadline':
      return <DateField type={type} name="due" label="确定的答复期限" values={values} fallback="" ctx={ctx} />;
    case 'reply':
      return <ReplyFields ctx={ctx} values={values} />;
    case 'deliver':
      return (
        <>
          <label for="deliver-method">送达方式</label>
          <select id="deliver-method" name="method" required aria-describedby="deliver-rules">
            <option value="">请选择</option>
            {deliveryMethods.map((m) => (
              <option value={m.id} selected={values.method === m.id}>
                {m.label}
              </option>
            ))}
          </select>
          <ul class="hint" id="deliver-rules">
            {deliveryMethods.map((m) => (
              <li>{m.rule}</li>
            ))}
          </ul>
        </>
      );
    case 'note':
      return <TextArea type={type} name="text" label="备注内容" values={values} required />;
    default:
      return null;
  }
}

/** Which of a reply letter's fields a reply type needs or may use. */
function replyFieldsOf(t: ReplyType) {
  const id = t.id as string;
  const disclosedOnly = ['disclosed', 'disclosed.already_public', '2008.disclosed', '2008.already_public'].includes(id);
  return {
    subReason: !disclosedOnly,
    parts: t.class === 'partially_disclosed' || id === '2008.partial',
    whereToObtain: ['disclosed.already_public', 'withheld.administrative_inquiry', 'not_processed.publications', '2008.already_public', '2008.other_channel'].includes(id),
    otherAgency: ['unable.not_this_agency', '2008.not_this_agency'].includes(id),
  };
}

function ReplyTypeSelect({ ctx, selected }: { ctx: ActionFormContext; selected?: string }) {
  const classes: { label: string; types: ReplyType[] }[] = [];
  for (const t of ctx.replyTypes) {
    const last = classes[classes.length - 1];
    if (last && last.label === t.classLabel) last.types.push(t);
    else classes.push({ label: t.classLabel, types: [t] });
  }
  return (
    <select id="reply-replyType" name="reply" required>
      <option value="">请选择</option>
      {classes.map((c) => (
        <optgroup label={c.label}>
          {c.types.map((t) => (
            <option value={t.id} selected={selected === t.id}>
              {t.title}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

function ReplyFields({ ctx, values }: { ctx: ActionFormContext; values: Values }) {
  const t = ctx.chosenReply!;
  const f = replyFieldsOf(t);
  return (
    <>
      <input type="hidden" name="replyType" value={t.id} />
      <p>
        答复类型：<strong>{t.title}</strong> <a href={`/staff/applications/${ctx.caseId}#action-reply`}>更换答复类型</a>
      </p>
      <TextInput type="reply" name="legalBasis" label="法律依据" values={values} value={t.basis ?? ''} max={2000} />
      {f.parts ? (
        <>
          <TextArea type="reply" name="disclosedPart" label="予以公开的内容" values={values} required />
          <TextArea type="reply" name="withheldPart" label="不予公开的内容" values={values} required />
        </>
      ) : null}
      {f.subReason ? (
        <TextArea
          type="reply"
          name="subReason"
          label={t.reasonRequired ? (f.parts ? '不予公开部分的理由' : '具体理由') : '具体情况说明'}
          values={values}
          required={t.reasonRequired}
          hint={t.reasonRequired ? '答复书应当说明理由（条例第三十六条）。' : '写入答复书；没有需要说明的可以不填。'}
        />
      ) : null}
      {f.whereToObtain ? <TextArea type="reply" name="whereToObtain" label="获取信息的方式和途径" values={values} required /> : null}
      {f.otherAgency ? (
        <TextInput type="reply" name="otherAgency" label="负责公开该政府信息的行政机关" values={values} hint="能够确定的，写明机关名称。" />
      ) : null}
      <TextInput type="reply" name="letterRef" label="答复书文号" values={values} hint="如 示政信〔2024〕第12号；不编文号的可以不填。" />
    </>
  );
}

export function ActionForms({ actions, ctx }: { actions: readonly ActionType[]; ctx: ActionFormContext }) {
  if (actions.length === 0) return <p class="muted">当前没有您可以办理的操作。</p>;
  return (
    <div class="actions">
      {actions.map((type) => {
        const values = valuesFor(type, ctx);
        if (type === 'reply' && ctx.chosenReply === null) {
          // First step of a reply: its type (a GET back to this page), then the letter's fields.
          return (
            <details class="action" id="action-reply" open={ctx.draft?.type === 'reply'}>
              <summary>{ACTION_LABELS.reply}</summary>
              <form method="get" action={`/staff/applications/${ctx.caseId}#action-reply`} class="form">
                <label for="reply-replyType">答复类型</label>
                <ReplyTypeSelect ctx={ctx} {...(values.replyType ? { selected: values.replyType } : {})} />
                <button type="submit" class="button">
                  下一步：填写答复内容
                </button>
              </form>
            </details>
          );
        }
        return (
          <ActionForm type={type} ctx={ctx} open={type === 'reply'}>
            {type === 'note' ? null : <DateField type={type} values={values} ctx={ctx} />}
            {type === 'deliver' ? <p class="hint">送达日期以所选送达方式的规则为准（见下）：直接送达、委托送达为签收之日，邮寄送达为交邮之日。</p> : null}
            <Fields type={type} ctx={ctx} values={values} />
            <Reason type={type} values={values} />
          </ActionForm>
        );
      })}
    </div>
  );
}
