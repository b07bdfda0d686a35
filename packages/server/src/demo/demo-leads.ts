// Demo leads 线索: a year of 吴芳's lead capture — the website's web form (with consent), campaign attendees attributed
// to the campaigns demo's leaf campaigns, referrals, trade-show cards typed in, one import job (with the rows it
// refused) — assigned by two rules (华东 round-robin 李娜/刘洋, 华北 weighted 赵敏 ×3 / 孙强 ×1), the rest in the lead
// pool. Over the year leads move raw → MQL → SQL; some turn out invalid (with the reason), some are converted through
// the conversion flow (customer + contact + opportunity in one transaction; the opportunities demo carries those
// opportunities on to won or lost). Conversion depends on the lead the way real ones do — manufacturers, bigger
// companies, referrals and campaign attendees convert more often, bought lists rarely — so the scoring demo's model
// has a signal to learn. Everything through the domains' functions; only the moments of the past (created, touched,
// history) are set afterwards, as the other demos do.
import { sql } from 'kysely';
import { dateIn } from '@l2c/shared';
import { asSystem, inTenant, type Db } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import { captureLeadTx, changeLeadStatus as moveStatus, createLeadForm, getLeadTx, saveAssignmentRule, startImport } from '../domains/leads/index.js';
import { convertLead } from '../flows/lead-conversion/index.js';
import { campaignsForDemo } from './demo-campaigns.js';

interface R { next: () => number; int: (n: number) => number; pick: <T>(xs: readonly T[]) => T }

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗', '郑', '梁', '宋', '谢'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '建华', '晓东', '海燕', '志强', '丽', '鹏'];
// [region as the customers demo writes it, the city a company is named after]
const EAST: Array<[string, string]> = [['浙江省杭州市', '杭州'], ['浙江省宁波市', '宁波'], ['江苏省苏州市', '苏州'], ['江苏省无锡市', '无锡'], ['浙江省嘉兴市', '嘉兴'], ['上海市', '上海'], ['安徽省合肥市', '合肥']];
const NORTH: Array<[string, string]> = [['天津市', '天津'], ['河北省石家庄市', '石家庄'], ['山东省济南市', '济南'], ['山东省青岛市', '青岛'], ['北京市', '北京']];
const OTHER: Array<[string, string]> = [['广东省深圳市', '深圳'], ['四川省成都市', '成都'], ['湖北省武汉市', '武汉']];
const WORDS = ['恒', '瑞', '达', '鑫', '远', '泰', '华', '盛', '丰', '博', '晟', '宏', '嘉', '凯', '信', '诚', '新', '源', '海', '锐'];
const TRADES: Array<[string, string]> = [
  ['精密机械', 'manufacturing'], ['汽车零部件', 'manufacturing'], ['智能装备', 'manufacturing'], ['纺织机械', 'manufacturing'], ['模具', 'manufacturing'],
  ['电子科技', 'it'], ['软件', 'it'], ['新能源', 'energy'], ['光伏科技', 'energy'], ['物流', 'logistics'], ['商贸', 'retail'], ['建设工程', 'construction'],
];
const TITLES = ['设备部经理', '生产总监', '采购经理', '信息化主管', '总经理', '技术总工', '厂长', '运营总监'];
const SIZES = ['1-49', '50-199', '200-999', '1000+'] as const;
const INVALID = ['电话空号，邮件退回', '同行询价，非真实需求', '个人用户，非企业客户', '重复提交（已合并跟进）', '预算为零，无采购计划'];

async function actor(db: Db, tenantId: string, email: string): Promise<AuthContext> {
  const u = await asSystem(db, async (tx) => (await sql<{ id: string; role: AuthContext['role']; team_id: string | null; name: string }>`
    select id, role, team_id, name from users where tenant_id = ${tenantId} and email = ${email}`.execute(tx)).rows[0]!);
  const scope = u.role === 'sales_manager' ? 'team' : u.role === 'sales_rep' || u.role === 'marketer' ? 'own' : 'all';
  return { tenantId, userId: u.id, role: u.role, teamId: u.team_id, scope, name: u.name, tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo' };
}

/** How likely a lead of these traits converts: the signal scoring learns (log-odds added up, as naive Bayes sees it). */
function conversionOdds(industry: string, size: string, source: string): number {
  let logit = -2.2;
  logit += industry === 'manufacturing' ? 1.1 : industry === 'energy' ? 0.4 : industry === 'retail' ? -0.8 : 0;
  logit += size === '1000+' ? 0.9 : size === '200-999' ? 0.7 : size === '1-49' ? -0.9 : 0;
  logit += source === 'referral' ? 1.2 : source === 'campaign' ? 0.6 : source === 'import' ? -1.2 : 0;
  return 1 / (1 + Math.exp(-logit));
}

/** The version each lead is at, as its last move returned it: the next move needs no read of its own first. */
type Versions = Map<string, number>;

async function changeLeadStatus(versions: Versions, db: Db, auth: AuthContext, id: string, status: 'raw' | 'mql' | 'sql' | 'invalid', reason: string | null = null) {
  const version = versions.get(id) ?? (await inTenant(db, auth, (tx) => getLeadTx(tx, id)))!.version;
  versions.set(id, (await moveStatus(db, auth, id, { status, reason, version })).version);
}

export interface DemoLeads { leads: number; converted: number; invalid: number; pooled: number }

export async function demoLeads(db: Db, tenantId: string, r: R, now = new Date()): Promise<DemoLeads> {
  const today = dateIn(now, 'Asia/Shanghai');
  const user = (u: string) => actor(db, tenantId, `${u}@demo.l2c.cn`);
  const [wu, liNa, liuYang, zhaoMin, sunQiang, zhangWei] = [await user('wu.fang'), await user('li.na'), await user('liu.yang'), await user('zhao.min'), await user('sun.qiang'), await user('zhang.wei')];
  const byId = new Map([liNa, liuYang, zhaoMin, sunQiang, zhangWei].map((a) => [a.userId, a]));

  // The marketer's set-up: two rules in order, the website's form, the recycle rule as the tenant keeps it by default.
  await saveAssignmentRule(db, zhangWei, null, { name: '华东线索轮流分配', position: 1, active: true, strategy: 'round_robin', sources: [], regions: ['浙江', '江苏', '上海', '安徽'], industries: [],
    members: [{ userId: liNa.userId, weight: 1, dailyQuota: 20 }, { userId: liuYang.userId, weight: 1, dailyQuota: 20 }] });
  await saveAssignmentRule(db, sunQiang, null, { name: '华北线索按权重分配', position: 2, active: true, strategy: 'weighted', sources: [], regions: ['天津', '河北', '山东', '北京'], industries: [],
    members: [{ userId: zhaoMin.userId, weight: 3, dailyQuota: null }, { userId: sunQiang.userId, weight: 1, dailyQuota: null }] });
  const form = await createLeadForm(db, wu, { name: '官网「预约演示」表单', campaignId: null, allowedOrigins: ['https://www.yunfan-iot.cn'], fields: ['companyName', 'contactName', 'phone', 'email', 'companySize', 'message'],
    consentText: '我同意杭州云帆智能科技有限公司按《隐私政策》使用以上信息与我联系', active: true });
  const campaigns = (await campaignsForDemo(db, tenantId)).filter((c) => c.startOn && c.startOn <= today);

  const made: Array<{ id: string; daysAgo: number; industry: string; size: string; source: string }> = [];
  const N = 240;
  for (let i = 0; i < N; i++) {
    const daysAgo = Math.floor((365 * (N - i)) / N) - r.int(3);
    const roll = r.next();
    const source = roll < 0.3 ? 'web_form' : roll < 0.55 ? 'campaign' : roll < 0.7 ? 'referral' : roll < 0.9 ? 'manual' : 'other';
    const [trade, industry] = r.pick(TRADES);
    const size = r.pick(SIZES);
    const [place, city] = r.next() < 0.55 ? r.pick(EAST) : r.next() < 0.8 ? r.pick(NORTH) : r.pick(OTHER);
    const company = `${city}${r.pick(WORDS)}${r.pick(WORDS)}${trade}有限公司`;
    const person = r.pick(SURNAMES) + r.pick(GIVEN);
    const phone = `1${r.pick(['38', '39', '58', '86', '37', '50'])}${String(10_000_000 + r.int(89_999_999))}`;
    const campaign = source === 'campaign' && campaigns.length > 0 ? campaigns[Math.min(campaigns.length - 1, Math.floor((i / N) * campaigns.length))]! : null;
    const captured = await inTenant(db, wu, (tx) => captureLeadTx(tx, wu, {
      source: campaign ? 'campaign' : (source as 'manual'), companyName: company, contactName: person, title: r.pick(TITLES), phone,
      email: r.next() < 0.6 ? `${['sales', 'info', 'purchase', 'it'][r.int(4)]}${i}@${['163.com', 'qq.com', 'company.cn'][r.int(3)]}` : null,
      industry, companySize: size, region: place, campaignId: campaign?.id ?? null, formId: source === 'web_form' ? form.id : null,
      consent: source === 'web_form' ? { text: form.consentText, ip: `116.62.${r.int(255)}.${r.int(255)}` } : null,
      message: source === 'web_form' ? '想了解设备联网和预测性维护方案，请安排演示。' : null,
    }, { onBlock: 'flag' }));
    if (captured.created) made.push({ id: captured.leadId, daysAgo: Math.max(daysAgo, 0), industry, size, source: campaign ? 'campaign' : source });
  }

  // One bought list imported three months ago: most rows in, some refused (bad phone, no way to reach anyone).
  const csv = ['公司名称,联系人,电话,邮箱,行业,规模,地区'];
  for (let i = 0; i < 24; i++) {
    const bad = i % 8 === 5;
    const [region, city] = r.pick(NORTH);
    csv.push(`${city}${r.pick(WORDS)}${r.pick(WORDS)}${r.pick(TRADES)[0]}有限公司,${r.pick(SURNAMES)}${r.pick(GIVEN)},${bad ? '12345' : `13${r.int(10)}${String(10_000_000 + r.int(89_999_999))}`},,${r.pick(['制造业', '信息技术', '零售'])},${r.pick(SIZES)},${region}`);
  }
  const { done } = await startImport(db, wu, { filename: '2026展会名录.csv', data: Buffer.from(csv.join('\n')), campaignId: null });
  await done;

  // Life over the year: older leads were worked — qualified, converted by their owner, or found invalid.
  let converted = 0;
  let invalid = 0;
  const versions: Versions = new Map();
  const owned = await asSystem(db, async (tx) => new Map((await sql<{ id: string; owner_id: string | null }>`select id, owner_id from leads
    where tenant_id = ${tenantId} and id = any(${made.map((m) => m.id)}::uuid[])`.execute(tx)).rows.map((x) => [x.id, x.owner_id])));
  for (const [i, m] of made.entries()) {
    const owner = byId.get(owned.get(m.id) ?? '');
    if (!owner || m.daysAgo < 20) continue; // recent and pooled leads are still raw
    const p = conversionOdds(m.industry, m.size, m.source);
    const roll = r.next();
    if (roll < p) {
      await changeLeadStatus(versions, db, owner, m.id, 'mql');
      await changeLeadStatus(versions, db, owner, m.id, 'sql');
      await convertLead(db, owner, m.id, {
        customerId: null, customerName: null, opportunityName: null, amount: String(40_000 + 10_000 * r.int(30)) + '.00', currency: 'CNY', createOpportunity: true, allowDuplicate: true,
      });
      converted++;
    } else if (roll < p + 0.25) {
      await changeLeadStatus(versions, db, owner, m.id, 'invalid', INVALID[i % INVALID.length]!);
      invalid++;
    } else if (roll < p + 0.55) {
      await changeLeadStatus(versions, db, owner, m.id, 'mql');
      if (r.next() < 0.4) await changeLeadStatus(versions, db, owner, m.id, 'sql');
    }
  }

  // The moments of the past: created on its day, each status move a few days after the one before, touched lately
  // when still open with an owner (so tonight's recycle job leaves this year's work alone), converted on its last move.
  await asSystem(db, async (tx) => {
    const ids = made.map((m) => m.id);
    const ago = made.map((m) => m.daysAgo);
    await sql`update leads l set created_at = now() - make_interval(days => x.d) - interval '3 hours',
        last_touched_at = case when l.status in ('raw', 'mql', 'sql') and l.owner_id is not null then now() - make_interval(days => least(x.d, 3 + (x.d % 9)))
          else now() - make_interval(days => greatest(x.d - 12, 0)) end,
        pool_entered_at = case when l.in_pool then now() - make_interval(days => x.d) else null end,
        converted_at = case when l.status = 'converted' then now() - make_interval(days => greatest(x.d - 12, 0)) else l.converted_at end
      from unnest(${ids}::uuid[], ${ago}::int[]) as x(id, d) where l.tenant_id = ${tenantId} and l.id = x.id`.execute(tx);
    await sql`update lead_status_history h set at = l.created_at + make_interval(days => 4 * (s.n::int - 1))
      from (select id, row_number() over (partition by lead_id order by at, id) as n from lead_status_history where tenant_id = ${tenantId}) s,
        leads l where h.tenant_id = ${tenantId} and h.id = s.id and l.tenant_id = h.tenant_id and l.id = h.lead_id and l.id = any(${ids}::uuid[])`.execute(tx);
  });
  const pooled = await asSystem(db, async (tx) => (await sql<{ n: number }>`select count(*)::int as n from leads where tenant_id = ${tenantId} and in_pool`.execute(tx)).rows[0]!.n);
  return { leads: made.length, converted, invalid, pooled };
}

