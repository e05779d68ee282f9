// 登记申请: the office records an application received other than online. Two steps that need no script: choose
// the channel (its receipt rule decides which date is the legal receipt day), then the form with that one date
// and the applicant's fields. Errors come back on the form with every value kept.
import { renderPage, type StaffBadge } from '../../../web/layout.tsx';
import { organisationKinds, personDocuments } from '../../../law/applicants.ts';
import { receiptDateLabel, type Channel } from '../../../law/channels.ts';
import { formText, pickups, provisions } from '../../input.ts';
import { mayArriveEarlier, RECEIPT_DATE_FIELDS, REGISTRATION_CHANNELS } from '../../staff-registration.ts';
import { FieldLabel, hintIdOf } from './fields.tsx';

export interface RegisterView {
  staff: StaffBadge;
  /** The agency the application is registered for. */
  agencyName: string;
  /** Null: the first step, choosing the channel. */
  channel: Channel | null;
  values: Readonly<Record<string, string>>;
  errors: readonly string[];
  today: string;
}

const BASE = '/staff/applications';

function Errors({ errors }: { errors: readonly string[] }) {
  if (errors.length === 0) return null;
  return (
    <div class="alert" role="alert" id="form-errors">
      <p>登记未完成，请修改以下内容：</p>
      <ul>
        {errors.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );
}

function ChannelChoice() {
  return (
    <form method="get" action={`${BASE}/new`} class="form">
      <fieldset>
        <legend>申请方式</legend>
        {REGISTRATION_CHANNELS.map((c, i) => (
          <label class="choice">
            <input type="radio" name="channel" value={c.id} required checked={i === 0} />
            <span>
              <strong>{c.label}</strong>
              <span class="hint">{c.rule}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" class="button">
        下一步
      </button>
    </form>
  );
}

function Text(props: { name: string; label: string; values: Readonly<Record<string, string>>; required?: boolean; hint?: string; type?: 'text' | 'email' | 'tel' | 'date'; max?: number; autocomplete?: string }) {
  const id = `f-${props.name}`;
  // preact types each input type's attributes apart; the attributes used here are common to all four.
  const typed = { type: props.type ?? 'text' } as { type: 'text' };
  return (
    <>
      <FieldLabel id={id} label={props.label} required={props.required} hint={props.hint} />
      <input
        id={id}
        name={props.name}
        {...typed}
        value={props.values[props.name] ?? ''}
        maxLength={props.max ?? 200}
        autocomplete={props.autocomplete ?? 'off'}
        aria-describedby={hintIdOf(id, props.hint)}
      />
    </>
  );
}

function Select(props: { name: string; label: string; options: readonly { id: string; label: string }[]; values: Readonly<Record<string, string>> }) {
  const id = `f-${props.name}`;
  return (
    <>
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">请选择</option>
        {props.options.map((o) => (
          <option value={o.id} selected={props.values[props.name] === o.id}>
            {o.label}
          </option>
        ))}
      </select>
    </>
  );
}

function Radios(props: { name: string; legend: string; options: Readonly<Record<string, string>>; values: Readonly<Record<string, string>> }) {
  return (
    <fieldset class="radios">
      <legend>
        {props.legend}
        <span class="required">（必填）</span>
      </legend>
      {Object.entries(props.options).map(([id, label]) => (
        <label class="choice choice--inline">
          <input type="radio" name={props.name} value={id} checked={props.values[props.name] === id} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

function RegistrationForm({ channel, values, today }: { channel: Channel; values: Readonly<Record<string, string>>; today: string }) {
  const dateField = RECEIPT_DATE_FIELDS[channel.receiptFrom];
  const kind = values.applicantKind ?? 'person';
  return (
    <form method="post" action={`${BASE}/new`} class="form" aria-describedby="form-rule">
      <input type="hidden" name="channel" value={channel.id} />
      <input type="hidden" name="idempotencyKey" value={values.idempotencyKey ?? ''} />
      <fieldset>
        <legend>收到申请</legend>
        <p>
          申请方式：<strong>{channel.label}</strong> <a href={`${BASE}/new`}>更换申请方式</a>
        </p>
        <p class="hint" id="form-rule">
          {channel.rule}
        </p>
        <label for="f-receipt">
          {receiptDateLabel(channel.receiptFrom)}（即收到申请之日）<span class="required">（必填）</span>
        </label>
        <input id="f-receipt" name={dateField} type="date" value={values[dateField] ?? today} max={today} required />
        {mayArriveEarlier(channel) ? (
          <Text name="arrivedOn" label="实际到达日期" type="date" values={values} hint="申请早于确认之日到达的，填写到达之日；收到申请之日仍以确认之日为准。" />
        ) : null}
      </fieldset>

      <fieldset>
        <legend>申请人</legend>
        <fieldset class="radios">
          <legend>申请人类型</legend>
          <label class="choice choice--inline">
            <input type="radio" name="applicantKind" value="person" checked={kind === 'person'} /> 自然人
          </label>
          <label class="choice choice--inline">
            <input type="radio" name="applicantKind" value="organisation" checked={kind === 'organisation'} /> 法人或其他组织
          </label>
        </fieldset>
        <Text name="name" label="申请人姓名或者名称" values={values} required max={100} />
        <fieldset class="subgroup">
          <legend>自然人填写</legend>
          <Select name="idType" label="证件类型" options={personDocuments} values={values} />
          <Text name="idNumber" label="证件号码" values={values} max={40} />
        </fieldset>
        <fieldset class="subgroup">
          <legend>法人或其他组织填写</legend>
          <Select name="organisationKind" label="组织类型" options={organisationKinds} values={values} />
          <Text name="creditCode" label="统一社会信用代码" values={values} max={18} />
          <Text name="legalRep" label="法定代表人或负责人" values={values} max={50} />
          <Text name="contactName" label="联系人姓名" values={values} max={50} />
        </fieldset>
        <Text name="phone" label="联系电话" type="tel" values={values} required max={30} />
        <Text name="email" label="电子邮箱" type="email" values={values} />
        <Text name="address" label="通信地址" values={values} hint="选择邮寄获取的，须填写完整的通信地址。" />
        <Text name="postcode" label="邮政编码" values={values} max={10} />
      </fieldset>

      <fieldset>
        <legend>申请内容</legend>
        <label for="f-description">
          所需政府信息的名称、文号或者便于查询的其他特征性描述<span class="required">（必填）</span>
        </label>
        <p class="hint" id="f-description-hint">
          {formText.oneMatterHint}
        </p>
        <textarea id="f-description" name="description" rows={5} maxLength={2000} aria-describedby="f-description-hint">
          {values.description ?? ''}
        </textarea>
        <label for="f-purpose">用途说明</label>
        <textarea id="f-purpose" name="purpose" rows={2} maxLength={500}>
          {values.purpose ?? ''}
        </textarea>
        <Radios name="provision" legend="信息的载体形式" options={provisions} values={values} />
        <Radios name="pickup" legend="获取信息的方式" options={pickups} values={values} />
      </fieldset>
      <button type="submit" class="button">
        登记申请
      </button>
    </form>
  );
}

export function renderRegister(v: RegisterView): string {
  return renderPage({
    title: '登记申请',
    staff: v.staff,
    children: (
      <div class="workbench">
        <p class="crumbs">
          <a href="/staff">工作台</a> › <a href={BASE}>申请办理</a> › 登记申请
        </p>
        <h1>登记申请</h1>
        <p class="lead">登记以当面、邮寄、传真、电子邮件等方式向{v.agencyName}提出的政府信息公开申请。网上申请平台提交的申请无需登记，签收即可。</p>
        <Errors errors={v.errors} />
        <section class="panel">{v.channel ? <RegistrationForm channel={v.channel} values={v.values} today={v.today} /> : <ChannelChoice />}</section>
      </div>
    ),
  });
}
