// The page after an online application: 申请编号 and 查询码 (shown once, never put in a URL), and what happens next —
// the receipt day is the day the disclosure office signs for it (条例2019 art. 31 (3)), the reply is due within 20
// working days of it (art. 33). A repeated submission (same idempotency key) shows the first case's number and code.
import { renderPage } from '../../../web/layout.tsx';
import { Styles } from './apply-form.tsx';

export interface SubmittedView {
  number: string;
  queryCode: string;
  agencyName: string;
  /** The same submission had been received before: nothing new was created. */
  duplicate: boolean;
  elder: boolean;
}

export function renderSubmitted(view: SubmittedView): string {
  return renderPage({
    title: view.duplicate ? '此前已提交 - 申请政府信息公开' : '申请已提交 - 申请政府信息公开',
    elder: view.elder,
    // No 长辈版 link here: following it would leave the only page that shows the 查询码.
    children: (
      <>
        <Styles />
        <div class="apply">
          <h1>{view.duplicate ? '此前已提交' : '申请已提交'}</h1>
          {view.duplicate ? (
            <p class="notice" role="status">
              此前已提交：这份申请此前已经提交成功，本次没有重复提交。以下是该申请的申请编号和查询码。
            </p>
          ) : (
            <p class="lead" role="status">
              您的政府信息公开申请已提交至{view.agencyName}。
            </p>
          )}
          <section class="receipt" aria-labelledby="receipt-title">
            <h2 id="receipt-title" class="visually-hidden">
              申请编号和查询码
            </h2>
            <dl class="receipt__codes">
              <div>
                <dt>申请编号</dt>
                <dd class="receipt__number">{view.number}</dd>
              </div>
              <div>
                <dt>查询码</dt>
                <dd class="receipt__code">{view.queryCode}</dd>
              </div>
            </dl>
            <p class="receipt__warning">
              <strong>请妥善保存，查询进度和下载答复书需要此码。</strong>查询码只在本页显示，系统不保存查询码本身，遗失后无法找回；建议抄写、拍照或打印本页。
            </p>
          </section>
          <section class="panel" aria-labelledby="next-title">
            <h2 id="next-title">接下来</h2>
            <ol class="next-steps">
              <li>
                受理机关：{view.agencyName}。通过互联网渠道提交的申请，以双方确认之日为收到申请之日（《中华人民共和国政府信息公开条例》第三十一条第（三）项），即该机关政府信息公开工作机构签收您的申请之日。
              </li>
              <li>
                行政机关自收到申请之日起 20 个工作日内予以答复；需要延长答复期限的，经政府信息公开工作机构负责人同意并告知您，延长的期限最长不超过 20 个工作日（第三十三条）。征求第三方和其他机关意见所需时间不计算在内。
              </li>
              <li>申请内容不明确的，行政机关将自收到申请之日起 7 个工作日内一次性告知您补正；答复期限自收到补正后的申请之日起计算（第三十条）。</li>
              <li>办理中的补正、收费、延期和答复，都会通过您留下的联系方式通知您，也可以随时凭申请编号和查询码查询。</li>
            </ol>
            <p>
              <a class="button" href={`/track?number=${encodeURIComponent(view.number)}`}>
                查询办理进度
              </a>
            </p>
          </section>
        </div>
      </>
    ),
  });
}
