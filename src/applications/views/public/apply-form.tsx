// The application form (依申请公开, 条例2019 art. 27–29): the receiving agency, the applicant (自然人 or 法人或其他组织
// — both fieldsets are shown and the chosen kind decides, so no script is needed), contact details, the
// information sought with the 一事一申请 hint, the form of provision, attachments. Re-rendered with what was
// entered and every problem, listed at the top and beside its field.
import { renderPage } from '../../../web/layout.tsx';
import { attachmentRules, documentLabels, formText, organisationLabels, pickups, provisions } from '../../input.ts';
import type { FieldError, FormField, FormValues } from '../../public-form.ts';
import { ErrorSummary, RadioGroup, SelectField, TextArea, TextField, controlId, type Messages } from './fields.tsx';

export const APPLY_CSS = '/static/apply.css';

export const Styles = () => <link rel="stylesheet" href={APPLY_CSS} />;

export interface ApplyFormView {
  /** The agencies that receive applications, root government first. */
  agencies: readonly { id: number; name: string }[];
  values: FormValues;
  errors: readonly FieldError[];
  /** The refused submission carried files: they must be chosen again (a browser never re-fills a file input). */
  hadFiles?: boolean;
  /** A fresh idempotency key, used unless the submission carried a valid one. */
  idempotencyKey: string;
  elder: boolean;
}

const entries = (labels: Readonly<Record<string, string>>) => Object.entries(labels) as [string, string][];

/** Fields without a visible control of their own: their problems are listed without a link. */
const UNLINKED: readonly FormField[] = ['idempotencyKey'];

const MEGABYTES = attachmentRules.maxBytes / (1024 * 1024);
const TYPES = Object.values(attachmentRules.types).join('、');

export function renderApplyForm(view: ApplyFormView): string {
  const { values, errors } = view;
  const of = (field: FormField): Messages => {
    const list = errors.filter((e) => e.field === field).map((e) => e.message);
    return list.length > 0 ? list : undefined;
  };
  const kind = values.applicantKind ?? 'person';
  const agencyId = values.agencyId ?? String(view.agencies[0]?.id ?? '');
  const summary = errors.map((e) => ({ ...e, linked: e.field !== null && !UNLINKED.includes(e.field) }));
  const key = values.idempotencyKey && /^[A-Za-z0-9_-]{8,64}$/.test(values.idempotencyKey) ? values.idempotencyKey : view.idempotencyKey;

  return renderPage({
    title: errors.length > 0 ? '提交未成功 - 申请政府信息公开' : '申请政府信息公开',
    elder: view.elder,
    elderToggle: '/apply',
    children: (
      <>
        <Styles />
        <div class="apply">
          <h1>申请政府信息公开</h1>
          <p class="lead">
            依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向行政机关申请获取相关政府信息。在线提交后，您将得到申请编号和查询码，凭此
            <a href="/track">查询办理进度</a>。
          </p>
          <ErrorSummary errors={summary} />
          <form method="post" action="/apply" enctype="multipart/form-data" class="apply-form" novalidate>
            <input type="hidden" name="idempotencyKey" value={key} />

            <section class="apply-section" aria-labelledby="s-agency">
              <h2 id="s-agency">受理机关</h2>
              <SelectField
                name="agencyId"
                label="受理申请的行政机关"
                required
                value={agencyId}
                options={view.agencies.map((a) => [String(a.id), a.name] as const)}
                hint="请选择制作或者保存您所需政府信息的行政机关"
                errors={of('agencyId')}
              />
            </section>

            <section class="apply-section" aria-labelledby="s-applicant">
              <h2 id="s-applicant">申请人信息</h2>
              <RadioGroup
                name="applicantKind"
                label="申请人类型"
                required
                inline
                value={kind}
                options={[
                  ['person', '自然人'],
                  ['organisation', '法人或其他组织'],
                ]}
                hint="请选择申请人类型，并只填写对应的一栏"
                errors={of('applicantKind')}
              />
              <fieldset class="applicant applicant--person">
                <legend>自然人填写</legend>
                <TextField name="personName" label="姓名" required value={values.personName} maxlength={50} autocomplete="name" errors={of('personName')} />
                <SelectField
                  name="idType"
                  label="证件类型"
                  required
                  value={values.idType ?? 'resident_id_card'}
                  options={entries(documentLabels)}
                  errors={of('idType')}
                />
                <TextField
                  name="idNumber"
                  label="证件号码"
                  required
                  value={values.idNumber}
                  maxlength={40}
                  autocomplete="off"
                  hint="居民身份证请填写 18 位号码，末位 X 不区分大小写"
                  errors={of('idNumber')}
                />
              </fieldset>
              <fieldset class="applicant applicant--organisation">
                <legend>法人或其他组织填写</legend>
                <TextField name="orgName" label="名称" required value={values.orgName} maxlength={100} autocomplete="organization" errors={of('orgName')} />
                <SelectField
                  name="organisationKind"
                  label="组织类型"
                  required
                  value={values.organisationKind}
                  placeholder="请选择"
                  options={entries(organisationLabels)}
                  errors={of('organisationKind')}
                />
                <TextField
                  name="creditCode"
                  label="统一社会信用代码"
                  required
                  value={values.creditCode}
                  maxlength={30}
                  autocomplete="off"
                  hint="18 位，见营业执照或登记证书"
                  errors={of('creditCode')}
                />
                <TextField name="legalRep" label="法定代表人或负责人" required value={values.legalRep} maxlength={50} errors={of('legalRep')} />
                <TextField name="contactName" label="联系人姓名" required value={values.contactName} maxlength={50} errors={of('contactName')} />
              </fieldset>
            </section>

            <section class="apply-section" aria-labelledby="s-contact">
              <h2 id="s-contact">联系方式</h2>
              <TextField
                name="phone"
                label="联系电话"
                required
                type="tel"
                value={values.phone}
                maxlength={30}
                autocomplete="tel"
                hint="手机或固定电话，用于通知补正、缴费和答复"
                errors={of('phone')}
              />
              <TextField
                name="email"
                label="电子邮箱"
                type="email"
                value={values.email}
                maxlength={200}
                autocomplete="email"
                hint="选择以电子邮件获取信息的，必须填写"
                errors={of('email')}
              />
              <TextField
                name="address"
                label="通信地址"
                value={values.address}
                maxlength={200}
                autocomplete="street-address"
                hint="选择邮寄的，必须填写完整地址"
                errors={of('address')}
              />
              <TextField name="postcode" label="邮政编码" value={values.postcode} maxlength={10} autocomplete="postal-code" inputmode="numeric" errors={of('postcode')} />
            </section>

            <section class="apply-section" aria-labelledby="s-information">
              <h2 id="s-information">所需政府信息</h2>
              <p class="one-matter" id="one-matter" role="note">
                <strong>请注意：</strong>
                {formText.oneMatterHint}
              </p>
              <TextArea
                name="description"
                label="所需政府信息的名称、文号或便于查询的其他特征性描述"
                required
                rows={6}
                maxlength={2000}
                value={values.description}
                noteId="one-matter"
                hint="请尽量写明文件名称、文号、制作机关和大致时间，便于准确查找"
                errors={of('description')}
              />
              <TextArea name="purpose" label="用途说明" rows={3} maxlength={500} value={values.purpose} hint="法律不要求说明用途，可不填" errors={of('purpose')} />
            </section>

            <section class="apply-section" aria-labelledby="s-form">
              <h2 id="s-form">信息的形式要求</h2>
              <RadioGroup name="provision" label="信息的载体形式" required value={values.provision} options={entries(provisions)} errors={of('provision')} />
              <RadioGroup name="pickup" label="获取信息的方式" required value={values.pickup} options={entries(pickups)} errors={of('pickup')} />
            </section>

            <section class="apply-section" aria-labelledby="s-files">
              <h2 id="s-files">附件</h2>
              <div class={of('attachments') ? 'field field--error' : 'field'}>
                <label for={controlId('attachments')}>
                  身份证明等材料<span class="opt">（选填）</span>
                </label>
                <p class="field__hint" id="h-attachments">
                  最多 {attachmentRules.maxCount} 个文件，每个不超过 {MEGABYTES} MB，仅限 {TYPES} 格式。
                  {view.hadFiles ? <strong>本次提交未成功，请重新选择附件。</strong> : null}
                </p>
                {of('attachments') ? (
                  <p class="field__error" id="e-attachments">
                    {of('attachments')!.map((m, i) => (
                      <>
                        {i > 0 ? <br /> : null}
                        <span class="visually-hidden">错误：</span>
                        {m}
                      </>
                    ))}
                  </p>
                ) : null}
                <input
                  id={controlId('attachments')}
                  name="attachments"
                  type="file"
                  multiple
                  accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                  aria-describedby={of('attachments') ? 'h-attachments e-attachments' : 'h-attachments'}
                  aria-invalid={of('attachments') ? 'true' : undefined}
                />
              </div>
            </section>

            <p class="privacy-note">您填写的个人信息仅用于办理本申请，除办理人员外，其他人员只能看到遮盖后的信息。</p>
            <button type="submit" class="button button--large">
              提交申请
            </button>
          </form>
        </div>
      </>
    ),
  });
}
