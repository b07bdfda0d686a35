// The demo tenant: 杭州云帆智能科技有限公司, a B2B company selling industrial IoT equipment and software services,
// with users in every role, two sales regions, and customers with contacts and follow-ups. Deterministic: the same
// seed gives the same data, so screenshots and tests can rely on it.
import { sql } from 'kysely';
import { creditCodeCheckChar } from '@l2c/shared';
import { asSystem, type Db, type Tx } from '../platform/db.js';
import { hashPassword } from '../domains/identity/index.js';
import { nameKey } from '../domains/customers/index.js';
import { createTenant } from '../domains/workspace/index.js';
import { businessDate } from '../platform/clock.js';
import { demoRevenue } from './demo-revenue.js';
import { demoInvoices } from './demo-invoices.js';
import { demoDunning } from './demo-dunning.js';
import { demoBank } from './demo-bank.js';
import { demoCampaigns } from './demo-campaigns.js';
import { demoCatalog } from './demo-catalog.js';
import { demoOpportunities } from './demo-opportunities.js';
import { demoLeads } from './demo-leads.js';
import { demoScoring } from './demo-scoring.js';
import { demoWebhooks } from './demo-webhooks.js';
import { demoQuotes } from './demo-quotes.js';

export const DEMO_TENANT_SLUG = 'demo';
export const DEMO_PASSWORD = 'demo1234';

export const DEMO_USERS = [
  { key: 'admin', email: 'admin@demo.l2c.cn', name: '王磊', role: 'admin', team: null },
  { key: 'ceo', email: 'ceo@demo.l2c.cn', name: '陈建国', role: 'executive', team: null },
  { key: 'mgrEast', email: 'zhang.wei@demo.l2c.cn', name: '张伟', role: 'sales_manager', team: 'east' },
  { key: 'repEast1', email: 'li.na@demo.l2c.cn', name: '李娜', role: 'sales_rep', team: 'east' },
  { key: 'repShanghai', email: 'liu.yang@demo.l2c.cn', name: '刘洋', role: 'sales_rep', team: 'shanghai' },
  { key: 'mgrNorth', email: 'sun.qiang@demo.l2c.cn', name: '孙强', role: 'sales_manager', team: 'north' },
  { key: 'repNorth', email: 'zhao.min@demo.l2c.cn', name: '赵敏', role: 'sales_rep', team: 'north' },
  { key: 'finance', email: 'zhou.jing@demo.l2c.cn', name: '周静', role: 'finance', team: null },
  { key: 'marketer', email: 'wu.fang@demo.l2c.cn', name: '吴芳', role: 'marketer', team: null },
] as const;

/** Small deterministic PRNG (mulberry32), so the demo is the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}

const CITIES = [
  ['杭州', '浙江省杭州市', '330100'], ['上海', '上海市', '310000'], ['苏州', '江苏省苏州市', '320500'], ['宁波', '浙江省宁波市', '330200'],
  ['南京', '江苏省南京市', '320100'], ['北京', '北京市', '110000'], ['天津', '天津市', '120000'], ['济南', '山东省济南市', '370100'],
  ['青岛', '山东省青岛市', '370200'], ['合肥', '安徽省合肥市', '340100'], ['无锡', '江苏省无锡市', '320200'], ['石家庄', '河北省石家庄市', '130100'],
] as const;
const CORES = ['恒通', '鼎盛', '华科', '瑞丰', '金桥', '宏达', '天成', '永信', '博远', '中联', '新元', '汇智', '东方', '明德', '盛世', '长风',
  '嘉禾', '远景', '卓越', '正泰', '海川', '星辰', '银河', '九州', '万象', '启航', '同创', '安泰', '凯盛', '德润'];
const KINDS = [
  ['精密机械', 'manufacturing'], ['电子科技', 'it'], ['物流', 'logistics'], ['医疗器械', 'healthcare'], ['新能源', 'energy'],
  ['建设工程', 'construction'], ['商贸', 'retail'], ['软件', 'it'], ['汽车零部件', 'manufacturing'], ['环保科技', 'energy'],
] as const;
const SUFFIX = ['有限公司', '股份有限公司', '集团有限公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '马', '朱', '胡', '郭', '何', '林'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '桂英', '晓东'];
const TITLES = [['总经理', 'decision_maker'], ['采购经理', 'evaluator'], ['技术总监', 'influencer'], ['设备主管', 'user'],
  ['财务经理', 'influencer'], ['总经理助理', 'gatekeeper'], ['生产部长', 'champion']] as const;
const FOLLOWUPS = [
  ['call', '电话沟通设备升级需求，客户计划下季度采购，需要发送方案。'],
  ['visit', '上门拜访，参观产线，确认现场环境与安装条件。'],
  ['wechat', '微信发送产品资料与报价区间，客户反馈价格偏高。'],
  ['meeting', '与技术与采购部门开会，讨论验收标准和交付周期。'],
  ['email', '邮件发送合同草稿，等待法务审核。'],
  ['call', '回访使用情况，客户满意，提到二期扩产计划。'],
] as const;

function creditCode(r: ReturnType<typeof prng>, area: string): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  let body = `91${area}`;
  while (body.length < 17) body += alphabet[r.int(alphabet.length)];
  return body + creditCodeCheckChar(body);
}

export async function loadDemo(db: Db, opts: { customers?: number; seed?: number } = {}): Promise<{ tenantId: string; steps: Record<string, number> }> {
  const started = Date.now();
  const r = prng(opts.seed ?? 20261123);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The demo is just a tenant: made the way an operator makes one (tenant and first admin), then filled in.
  const [first, ...others] = DEMO_USERS;
  const created = await createTenant(db, {
    slug: DEMO_TENANT_SLUG, name: '杭州云帆智能科技有限公司', settings: { pool: { reclaimDays: 30, claimDailyCap: 10 } },
    admin: { email: first.email, name: first.name, passwordHash },
  });
  const loaded = await asSystem(db, async (tx) => {
    const tenantId = created.tenantId;
    const team = async (name: string, parentId: string | null) =>
      (await sql<{ id: string }>`insert into teams (tenant_id, name, parent_id) values (${tenantId}, ${name}, ${parentId}) returning id`.execute(tx)).rows[0]!.id;
    const center = await team('销售中心', null);
    const teams: Record<string, string> = { center };
    teams.east = await team('华东大区', center);
    teams.shanghai = await team('上海组', teams.east);
    teams.north = await team('华北大区', center);
    const users: Record<string, string> = { [first.key]: created.adminId };
    for (const u of others) {
      users[u.key] = (await sql<{ id: string }>`insert into users (tenant_id, email, name, role, team_id, password_hash)
        values (${tenantId}, ${u.email}, ${u.name}, ${u.role}, ${u.team ? teams[u.team]! : null}, ${passwordHash}) returning id`.execute(tx)).rows[0]!.id;
    }
    await sql`update teams set manager_id = ${users.mgrEast} where tenant_id = ${tenantId} and id in (${teams.east}, ${teams.shanghai})`.execute(tx);
    await sql`update teams set manager_id = ${users.mgrNorth} where tenant_id = ${tenantId} and id = ${teams.north}`.execute(tx);
    await sql`update teams set manager_id = ${users.ceo} where tenant_id = ${tenantId} and id = ${center}`.execute(tx);
    await demoCustomers(tx, r, tenantId, users, opts.customers ?? 60);
    await demoRevenue(tx, r, tenantId, users, businessDate(new Date()));
    return { tenantId };
  });
  // Through the domains' own functions, once the records they start from are committed. Each part's time is kept:
  // the first start waits for all of them (issue 13: under 15 s), and the log says which part grew.
  const steps: Record<string, number> = { core: Date.now() - started };
  const step = async (name: string, part: () => Promise<unknown>) => {
    const at = Date.now();
    await part();
    steps[name] = Date.now() - at;
  };
  await step('invoices', () => demoInvoices(db, loaded.tenantId));
  await step('dunning', () => demoDunning(db, loaded.tenantId));
  await step('bank', () => demoBank(db, loaded.tenantId));
  await step('catalog', () => demoCatalog(db, loaded.tenantId)); // the product catalog; links the demo contracts' lines to their SKUs
  await step('campaigns', () => demoCampaigns(db, loaded.tenantId, prng(20261206))); // before the leads and opportunities demos, which attribute to its campaigns
  await step('leads', () => demoLeads(db, loaded.tenantId, prng(20261208))); // a year of leads: captured, assigned, worked, some converted (customer + contact + opportunity)
  await step('opportunities', () => demoOpportunities(db, loaded.tenantId, prng(20261207))); // after the leads demo: carries its converted leads' opportunities on
  await step('scoring', () => demoScoring(db, loaded.tenantId)); // last: the rules, a model learned from the demo leads, every paying customer's RFM
  await step('webhooks', () => demoWebhooks(db, loaded.tenantId)); // the ERP's subscription, switched off
  await step('quotes', () => demoQuotes(db, loaded.tenantId)); // price books, a budgeted promotion, quotes in every state, one accepted into a contract
  return { ...loaded, steps };
}

async function demoCustomers(tx: Tx, r: ReturnType<typeof prng>, tenantId: string, users: Record<string, string>, count: number) {
  const eastOwners = [users.repEast1!, users.repShanghai!, users.mgrEast!];
  const northOwners = [users.repNorth!, users.mgrNorth!];
  const usedNames = new Set<string>();
  const now = Date.now();
  for (let i = 0; i < count; i++) {
    const [city, region, area] = r.pick(CITIES);
    const [kindName, industry] = r.pick(KINDS);
    let name = `${city}${r.pick(CORES)}${kindName}${r.pick(SUFFIX)}`;
    while (usedNames.has(nameKey(name))) name = `${city}${r.pick(CORES)}${r.pick(CORES)}${kindName}${r.pick(SUFFIX)}`;
    usedNames.add(nameKey(name));
    const north = ['北京', '天津', '济南', '青岛', '石家庄'].includes(city);
    const inPool = i % 9 === 4;
    const owner = inPool ? null : r.pick(north ? northOwners : eastOwners);
    const createdAt = new Date(now - (400 - i * 5) * 86400_000 - r.int(86400_000)).toISOString();
    const phone = `0${r.int(9) + 1}${r.int(9)}-${String(60000000 + r.int(39999999))}`;
    const number = `KH-${createdAt.slice(0, 4)}-${String(i + 1).padStart(6, '0')}`;
    const grade = r.pick(['A', 'B', 'B', 'C', 'C', 'D']);
    const customerId = (await sql<{ id: string }>`insert into customers (tenant_id, number, name, name_key, credit_code, industry, region,
        grade, source, phone, phone_key, address, owner_id, pool_entered_at, owner_since, created_by, created_at, updated_at)
      values (${tenantId}, ${number}, ${name}, ${nameKey(name)}, ${creditCode(r, area)}, ${industry}, ${region}, ${grade},
        ${r.pick(['exhibition', 'website', 'referral', 'campaign', 'manual', 'partner'])}, ${phone}, ${phone.replace(/\D/g, '')},
        ${`${region}${r.pick(['高新区', '经济开发区', '工业园区'])}${r.int(300) + 1}号`}, ${owner},
        ${inPool ? new Date(now - r.int(20) * 86400_000).toISOString() : null}, ${createdAt}, ${owner ?? users.marketer},
        ${createdAt}, ${createdAt})
      returning id`.execute(tx)).rows[0]!.id;
    await sql`insert into audit_log (tenant_id, at, actor_id, action, entity_type, entity_id, changes, request_id)
      values (${tenantId}, ${createdAt}, ${owner ?? users.marketer}, 'create', 'customer', ${customerId},
        ${JSON.stringify([{ field: 'name', before: null, after: name }, { field: 'grade', before: null, after: grade }])}::jsonb, 'demo')`.execute(tx);
    const contactIds: string[] = [];
    for (let k = 0, n = 1 + r.int(3); k < n; k++) {
      const [title, role] = TITLES[k === 0 ? 0 : 1 + r.int(TITLES.length - 1)]!;
      const mobile = `1${r.pick(['38', '39', '50', '58', '86', '88'])}${String(10000000 + r.int(89999999))}`;
      contactIds.push((await sql<{ id: string }>`insert into contacts (tenant_id, customer_id, name, title, mobile, phone_key, email, decision_role, is_primary, created_at)
        values (${tenantId}, ${customerId}, ${r.pick(SURNAMES) + r.pick(GIVEN)}, ${title}, ${mobile}, ${mobile}, ${`contact${i}_${k}@example.cn`},
          ${role}, ${k === 0}, ${createdAt}) returning id`.execute(tx)).rows[0]!.id);
    }
    // Most customers were followed up recently; a few are going stale (they will return to the pool).
    const followUps = inPool ? 0 : r.int(5);
    let last: string | null = null;
    for (let k = 0; k < followUps; k++) {
      const [kind, content] = r.pick(FOLLOWUPS);
      const at = new Date(now - (followUps - k) * (3 + r.int(9)) * 86400_000).toISOString();
      await sql`insert into followups (tenant_id, customer_id, contact_id, kind, content, occurred_at, author_id, created_at)
        values (${tenantId}, ${customerId}, ${r.pick(contactIds)}, ${kind}, ${content}, ${at}, ${owner}, ${at})`.execute(tx);
      last = at;
    }
    if (last) await sql`update customers set last_followup_at = ${last}, owner_since = least(owner_since, ${last}::timestamptz)
      where tenant_id = ${tenantId} and id = ${customerId}`.execute(tx);
    else if (owner) await sql`update customers set owner_since = ${new Date(now - r.int(25) * 86400_000).toISOString()}
      where tenant_id = ${tenantId} and id = ${customerId}`.execute(tx);
  }
  await sql`insert into doc_sequences (tenant_id, doc_type, year, last_value)
    select ${tenantId}, 'KH', y, ${count} from generate_series(2024, 2027) y on conflict do nothing`.execute(tx);
}
