// Demo campaigns 市场活动: a year of 吴芳's marketing as a tree — the annual plan with a spring trade fair (booth and a
// customer dinner), a salon series in three cities, online promotion (search ads, WeChat content, a webinar), a
// partner conference in the north and next month's year-end event still being planned — each with its budget, cost
// facts (one mis-booked catering bill reversed) and members who went through invite → register → check-in. A checked-in
// person who was no lead becomes one (leads' capture, as in the app); invited customers' contacts check in as contacts.
// Made through the campaigns domain's own routes' functions; only the moments of the past steps are set afterwards
// (the flow happened over the year, the demo runs today). Leads and opportunities of earlier campaigns come from the
// leads and opportunities demos, which attribute theirs to these campaigns (campaignsForDemo).
import { sql } from 'kysely';
import { addDays, dateIn } from '@l2c/shared';
import { asSystem, type Db } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import { addCampaignCost, addCampaignMember, createCampaign, reverseCampaignCost, type CampaignsDeps } from '../domains/campaigns/index.js';
import { captureLeadTx } from '../domains/leads/index.js';
import { recordBehaviourTx } from '../domains/scoring/index.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀兰', '霞', '平', '刚', '桂英', '建华', '晓东', '海燕', '志强'];
const CITIES = ['杭州', '宁波', '苏州', '无锡', '嘉兴', '绍兴', '常州', '南通', '合肥', '天津', '石家庄', '济南', '青岛', '唐山'];
const TRADES = ['精密机械', '纺织机械', '汽车零部件', '电子科技', '新材料', '智能装备', '化工', '食品机械', '光伏科技', '模具', '包装机械', '五金制品'];
const TITLES = ['设备部经理', '生产总监', '采购经理', '信息化主管', '总经理', '技术总工', '厂长'];

export interface DemoCampaign { id: string; name: string; type: string; startOn: string | null; endOn: string | null; leaf: boolean; checkIns: number }

async function actor(db: Db, tenantId: string, email: string): Promise<AuthContext> {
  const u = await asSystem(db, async (tx) => (await sql<{ id: string; role: AuthContext['role']; team_id: string | null; name: string }>`
    select id, role, team_id, name from users where tenant_id = ${tenantId} and email = ${email}`.execute(tx)).rows[0]!);
  return { tenantId, userId: u.id, role: u.role, teamId: u.team_id, scope: 'own', name: u.name, tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo' };
}

/** What app.ts hands the routes: a check-in captures the lead through leads, a known one's check-in is scored. */
const deps: CampaignsDeps = {
  captureLead: (tx, actor, p) => captureLeadTx(tx, actor, { source: 'campaign', campaignId: p.campaignId, contactName: p.contactName, companyName: p.companyName, phone: p.phone, email: p.email }, { onBlock: 'flag' }),
  recordBehaviour: (tx, actor, e) => recordBehaviourTx(tx, { leadId: e.leadId ?? null, contactId: e.contactId ?? null, event: e.event, at: e.at, recordedBy: actor.userId }),
};

/** The campaigns, members and costs. Returns the leaf campaigns with their dates and check-ins. */
export async function demoCampaigns(db: Db, tenantId: string, r: { int: (n: number) => number }, now = new Date()): Promise<DemoCampaign[]> {
  const today = dateIn(now, 'Asia/Shanghai');
  const wu = await actor(db, tenantId, 'wu.fang@demo.l2c.cn');
  const day = (offset: number) => addDays(today, offset);
  const out: DemoCampaign[] = [];

  const create = async (name: string, type: string, parentId: string | null, budget: string, from: number, to: number, status?: string) => {
    const startOn = day(from);
    const endOn = day(to);
    const st = status ?? (to < 0 ? 'completed' : from <= 0 ? 'active' : 'planned');
    const c = await createCampaign(db, wu, { name, type: type as never, parentId, budget, startOn, endOn, status: st as never, description: null });
    return { id: c.id, name, type, startOn, endOn };
  };
  const cost = (campaignId: string, category: string, amount: string, on: string, vendor: string | null = null, memo: string | null = null) =>
    addCampaignCost(db, wu, campaignId, { category: category as never, amount, incurredOn: on < today ? on : today, vendor, memo }, undefined).then((s) => s.body);

  // The people who come: generated prospects, deterministic.
  const person = () => {
    const city = CITIES[r.int(CITIES.length)]!;
    const name = SURNAMES[r.int(SURNAMES.length)]! + GIVEN[r.int(GIVEN.length)]!;
    return { name, company: `${city}${TRADES[r.int(TRADES.length)]}${['有限公司', '股份有限公司', '集团有限公司'][r.int(3)]}`, phone: `13${r.int(10)}${String(10_000_000 + r.int(89_999_999)).slice(0, 8)}`, title: TITLES[r.int(TITLES.length)]! };
  };

  /** Members of an event: `n` people; of those invited, most register; of those registered, most come (past events). */
  const attend = async (c: { id: string; startOn: string; endOn: string }, n: number, past: boolean, contacts: string[] = []) => {
    let checkIns = 0;
    const moments: Array<{ id: string; status: string }> = [];
    // Each person is added at the status they reached (one transaction: the add moves them on, with its audit
    // entries and the check-in's lead capture, as the invite/register/check-in steps would); the moments are set below.
    for (const contactId of contacts) {
      const status = past && r.int(10) < 7 ? 'checked_in' as const : 'registered' as const;
      const m = await addCampaignMember(db, wu, deps, c.id, { contactId, name: null, company: null, phone: null, email: null, status });
      moments.push({ id: m.id, status });
    }
    for (let i = 0; i < n; i++) {
      const p = person();
      const roll = r.int(100);
      const status = roll < 12 ? 'planned' as const : roll < 30 ? 'invited' as const : !past || roll < 45 ? 'registered' as const : 'checked_in' as const;
      const m = await addCampaignMember(db, wu, deps, c.id, { name: p.name, company: p.company, phone: p.phone, email: null, status });
      if (status === 'checked_in') checkIns++;
      moments.push({ id: m.id, status });
    }
    // The steps happened before the event: invitations three weeks ahead, registrations a week ahead, check-in on the day.
    await asSystem(db, async (tx) => {
      await sql`update campaign_members set
          invited_at = case when invited_at is null then null else ${`${addDays(c.startOn, -21)}T10:00:00+08:00`}::timestamptz end,
          registered_at = case when registered_at is null then null else ${`${addDays(c.startOn, -7)}T15:00:00+08:00`}::timestamptz end,
          checked_in_at = case when checked_in_at is null then null else ${`${c.startOn}T09:30:00+08:00`}::timestamptz end,
          created_at = ${`${addDays(c.startOn, -30)}T09:00:00+08:00`}::timestamptz
        where tenant_id = ${tenantId} and campaign_id = ${c.id} and ${c.startOn}::date <= ${today}::date`.execute(tx);
    });
    return checkIns;
  };

  // Contacts of a few existing customers, invited to the dinner and the partner conference.
  const contacts = await asSystem(db, async (tx) => (await sql<{ id: string }>`
    select ct.id from contacts ct join customers c on c.tenant_id = ct.tenant_id and c.id = ct.customer_id
    where ct.tenant_id = ${tenantId} and c.owner_id is not null order by c.number, ct.id limit 12`.execute(tx)).rows.map((x) => x.id));

  const plan = await create(`${today.slice(0, 4)} 年度市场计划`, 'other', null, '680000.00', -330, 35);
  await cost(plan.id, 'agency', '36000.00', day(-320), '杭州品牌顾问有限公司', '全年品牌与活动策划服务费');

  const fair = await create('春季工业博览会', 'trade_show', plan.id, '220000.00', -250, -246);
  await cost(fair.id, 'materials', '8600.00', day(-260), '杭州印象广告', '宣传册与易拉宝');
  const booth = await create('上海工博会展位', 'trade_show', fair.id, '150000.00', -250, -246);
  await cost(booth.id, 'venue', '98000.00', day(-280), '国家会展中心（上海）', '标准展位 54㎡');
  await cost(booth.id, 'staff', '12400.00', day(-246), null, '展台人员差旅与补贴');
  out.push({ ...booth, leaf: true, checkIns: await attend(booth, 40, true) });
  const dinner = await create('工博会客户答谢晚宴', 'event', fair.id, '50000.00', -248, -248);
  await cost(dinner.id, 'catering', '31800.00', day(-248), '上海外滩茂悦大酒店', '答谢晚宴 12 桌');
  const wrong = await cost(dinner.id, 'catering', '31800.00', day(-248), '上海外滩茂悦大酒店', '重复录入');
  await reverseCampaignCost(db, wu, wrong.id, '重复录入，冲销', undefined);
  await cost(dinner.id, 'gifts', '9600.00', day(-250), null, '伴手礼');
  out.push({ ...dinner, leaf: true, checkIns: await attend(dinner, 10, true, contacts.slice(0, 8)) });

  const salon = await create('智能制造沙龙系列', 'event', plan.id, '90000.00', -200, -20);
  for (const [city, from, n] of [['杭州', -200, 30], ['苏州', -130, 26], ['宁波', -20, 24]] as const) {
    const s = await create(`智能制造沙龙·${city}站`, 'event', salon.id, '30000.00', from, from);
    await cost(s.id, 'venue', `${8000 + r.int(40) * 100}.00`, day(from - 10), `${city}国际会议中心`);
    await cost(s.id, 'catering', `${3000 + r.int(30) * 100}.00`, day(from));
    await cost(s.id, 'materials', `${1200 + r.int(20) * 50}.00`, day(from - 5));
    out.push({ ...s, leaf: true, checkIns: await attend(s, n, true) });
  }

  const online = await create('线上推广', 'online', plan.id, '150000.00', -330, 30);
  const ads = await create('百度搜索广告', 'ads', online.id, '80000.00', -330, 30);
  for (let m = 11; m >= 0; m--) await cost(ads.id, 'ads', `${5200 + r.int(30) * 100}.00`, day(-m * 30 - 5), '百度推广', `第 ${12 - m} 期投放`);
  out.push({ ...ads, leaf: true, checkIns: 0 });
  const wechat = await create('微信公众号内容营销', 'content', online.id, '30000.00', -300, 30);
  for (let m = 9; m >= 0; m--) await cost(wechat.id, 'media', '2400.00', day(-m * 30 - 10), '自媒体编辑外包');
  out.push({ ...wechat, leaf: true, checkIns: 0 });
  const webinar = await create('工业物联网网络研讨会', 'webinar', online.id, '20000.00', -45, -45);
  await cost(webinar.id, 'media', '6800.00', day(-50), '直播平台服务');
  out.push({ ...webinar, leaf: true, checkIns: await attend(webinar, 30, true) });

  const partner = await create('华北渠道伙伴大会', 'partner', plan.id, '120000.00', -60, -59);
  await cost(partner.id, 'venue', '42000.00', day(-61), '天津万丽酒店');
  await cost(partner.id, 'travel', '18600.00', day(-59), null, '伙伴差旅补贴');
  out.push({ ...partner, leaf: true, checkIns: await attend(partner, 20, true, contacts.slice(8)) });

  const yearEnd = await create('年终客户答谢会', 'event', plan.id, '60000.00', 20, 20, 'planned');
  await cost(yearEnd.id, 'venue', '15000.00', today, '杭州西湖国宾馆', '场地定金');
  out.push({ ...yearEnd, leaf: true, checkIns: await attend(yearEnd, 18, false) });
  return out;
}

/** The campaigns the leads and opportunities demos attribute to: leaf campaigns already held, oldest first. */
export async function campaignsForDemo(db: Db, tenantId: string): Promise<Array<{ id: string; name: string; startOn: string | null; type: string }>> {
  return asSystem(db, async (tx) => (await sql<{ id: string; name: string; startOn: string | null; type: string }>`
    select c.id, c.name, c.start_on::text as "startOn", c.type from campaigns c
    where c.tenant_id = ${tenantId} and c.status in ('active', 'completed')
      and not exists (select 1 from campaigns k where k.tenant_id = c.tenant_id and k.parent_id = c.id)
    order by c.start_on nulls last, c.id`.execute(tx)).rows);
}
