// The embed code of a web form: a plain HTML form (the fields the form shows, a honeypot people never see, the
// consent box with the form's text) and a few lines posting it as JSON to the public endpoint.
import type { LeadForm } from '../../api/leads';

const INPUT: Record<string, { type: string; zh: string; en: string }> = {
  companyName: { type: 'text', zh: '公司', en: 'Company' }, contactName: { type: 'text', zh: '姓名', en: 'Name' },
  title: { type: 'text', zh: '职位', en: 'Title' }, phone: { type: 'tel', zh: '电话', en: 'Phone' }, email: { type: 'email', zh: '邮箱', en: 'Email' },
  industry: { type: 'text', zh: '行业', en: 'Industry' }, companySize: { type: 'text', zh: '规模', en: 'Size' },
  region: { type: 'text', zh: '地区', en: 'Region' }, message: { type: 'textarea', zh: '留言', en: 'Message' },
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function formSnippet(form: LeadForm, origin: string, lang: 'zh' | 'en'): string {
  const id = `l2c-${form.key}`;
  const fields = form.fields.map((f) => {
    const spec = INPUT[f]!;
    const label = spec[lang];
    return spec.type === 'textarea'
      ? `  <label>${label}<textarea name="${f}"></textarea></label>`
      : `  <label>${label}<input type="${spec.type}" name="${f}"></label>`;
  });
  return [
    `<form id="${id}">`,
    ...fields,
    '  <input type="text" name="website" tabindex="-1" autocomplete="off" style="position:absolute;left:-9999px" aria-hidden="true">',
    `  <label><input type="checkbox" name="consent" required> ${esc(form.consentText)}</label>`,
    `  <button type="submit">${lang === 'zh' ? '提交' : 'Submit'}</button>`,
    '</form>',
    '<script>',
    `document.getElementById(${JSON.stringify(id)}).addEventListener('submit', function (e) {`,
    '  e.preventDefault();',
    '  var f = e.target, body = {};',
    '  new FormData(f).forEach(function (v, k) { if (v !== "") body[k] = v; });',
    '  body.consent = f.consent.checked;',
    `  fetch(${JSON.stringify(`${origin}/api/v1/public/lead-forms/${form.key}/submissions`)}, {`,
    "    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body)",
    `  }).then(function (r) { f.innerHTML = r.ok ? ${JSON.stringify(lang === 'zh' ? '感谢您的提交，我们会尽快联系您。' : 'Thank you — we will be in touch.')} : ${JSON.stringify(lang === 'zh' ? '提交失败，请稍后再试。' : 'Could not send; please try again.')}; });`,
    '});',
    '</script>',
  ].join('\n');
}
