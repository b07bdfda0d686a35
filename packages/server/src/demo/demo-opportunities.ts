// Demo opportunities 商机, visits 拜访 and a key account 大客户: a year of the three reps' selling — opportunities won
// (the older ones became the signed contracts demo-revenue made for their customers, so campaign ROI follows them to
// the cash collected; last month's wins are draft order contracts the reps still complete), lost ones with reasons and
// competitors, open ones across the stages with their requirements met, this and next quarter's forecast with 张伟's
// adjustment of 李娜's commit, a second sales process for the software product line, 李娜's visits (done, today's,
// one checked in) with distances from her customers' locations, and a group with its decision map.
// Opportunities from converted leads (leads demo, run before) are carried on: some won, some lost, the rest open.
// Everything goes through the domains' functions; only the moments of the past (created, stage entries, close days,
// visit times) are set afterwards — the year happened before the demo runs.
import { sql } from 'kysely';
import { addDays, creditCodeCheckChar, dateIn, type Opportunity } from '@l2c/shared';
import { asSystem, inTenant, type Db } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import { createCustomer } from '../domains/customers/index.js';
import {
  addTask, adjustForecast, changeStage, completeTask, createOpportunity, createProcess, getOpportunity, linkContractTx, loseOpportunity, markWonTx, updateOpportunity,
} from '../domains/opportunities/index.js';
import { checkIn, checkOut, createVisit, setLocation } from '../domains/visits/index.js';
import { addRelation, setDecisionRole } from '../domains/key-accounts/index.js';
import { winOpportunity } from '../flows/opportunity-won/index.js';
import { campaignsForDemo } from './demo-campaigns.js';

const PRODUCTS: Array<[string, string, string]> = [
  ['GW-200', '工业网关 GW-200', '1999.00'], ['EC-1', '边缘计算盒 EC-1', '6800.00'], ['VS-3', '振动传感器 VS-3', '860.00'],
  ['TS-1', '温度传感器 TS-1', '320.00'], ['MES-L', 'MES 软件许可（年）', '48000.00'], ['SVC-D', '实施服务（人天）', '2400.00'], ['OPS-Y', '年度运维服务', '36000.00'],
];
const COMPETITORS = ['西门子', '研华科技', '树根互联', '华为云', '本地集成商'];

/** The functions the demo calls, by what they do. */
const api = {
  get: getOpportunity, create: createOpportunity, update: updateOpportunity, stage: changeStage, lose: loseOpportunity, createProcess, adjust: adjustForecast,
  addTask, doneTask: completeTask,
  /** Won, and what it became is a contract that exists already. */
  winLinked: async (db: Db, auth: AuthContext, o: Opportunity, contractId: string) => {
    await inTenant(db, auth, async (tx) => {
      await markWonTx(tx, auth, o.id, o.version);
      await linkContractTx(tx, auth, o.id, contractId);
    });
  },
};
const visits = { setLocation, create: createVisit, checkIn, checkOut };
const ka = { setRole: setDecisionRole, relate: addRelation };

async function actor(db: Db, tenantId: string, email: string): Promise<AuthContext> {
  const u = await asSystem(db, async (tx) => (await sql<{ id: string; role: AuthContext['role']; team_id: string | null; name: string }>`
    select id, role, team_id, name from users where tenant_id = ${tenantId} and email = ${email}`.execute(tx)).rows[0]!);
  const scope = u.role === 'sales_manager' ? 'team' : u.role === 'sales_rep' ? 'own' : 'all';
  return { tenantId, userId: u.id, role: u.role, teamId: u.team_id, scope, name: u.name, tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo' };
}

interface Customer { id: string; name: string; contact_id: string | null; contract_id: string | null; contract_amount: string | null; signed_on: string | null }

async function customersOf(db: Db, tenantId: string, ownerId: string): Promise<Customer[]> {
  return asSystem(db, async (tx) => (await sql<Customer>`
    select c.id, c.name,
      (select ct.id from contacts ct where ct.tenant_id = c.tenant_id and ct.customer_id = c.id and ct.deleted_at is null order by ct.is_primary desc, ct.created_at limit 1) as contact_id,
      k.id as contract_id, k.amount_incl_tax::text as contract_amount, k.signed_on::text as signed_on
    from customers c
    left join lateral (select id, amount_incl_tax, signed_on from contracts k where k.tenant_id = c.tenant_id and k.customer_id = c.id
      and k.kind = 'order' and k.signed_on is not null order by k.signed_on desc limit 1) k on true
    where c.tenant_id = ${tenantId} and c.owner_id = ${ownerId} order by c.number`.execute(tx)).rows);
}

type R = { int: (n: number) => number };

function linesFor(r: R, n = 1 + r.int(3)) {
  const picked = new Set<number>();
  while (picked.size < n) picked.add(r.int(PRODUCTS.length));
  return [...picked].map((i) => {
    const [code, name, price] = PRODUCTS[i]!;
    const qty = code.startsWith('SVC') ? String(10 + r.int(40)) : code === 'MES-L' || code === 'OPS-Y' ? '1' : String(5 + r.int(60));
    return { productId: null, productCode: code, productName: name, quantity: qty, unitPrice: price, discountRate: ['0', '0.05', '0.1'][r.int(3)]! };
  });
}

/** Move an opportunity to stage `seq` of the default process, meeting each stage's requirements on the way (one edit,
 * the demo task when 商务谈判 asks for it, one move); returns the opportunity as it then is. */
async function advance(db: Db, auth: AuthContext, o: Opportunity, seq: number, contactId: string | null, closeDate: string, r: R): Promise<Opportunity> {
  o = await api.update(db, auth, o.id, {
    version: o.version, contactId, closeDate,
    health: {
      need: { score: 2 + r.int(2), note: null }, budget: { score: 2 + r.int(2), note: null }, decision_chain: { score: 2 + r.int(2), note: null },
      competition: { score: r.int(4), note: null }, value: { score: 1 + r.int(3), note: null }, timeline: { score: 1 + r.int(3), note: null },
    },
  });
  if (seq >= 4) {
    o = await api.addTask(db, auth, o.id, { title: '产品演示', key: 'demo', dueDate: null });
    o = await api.doneTask(db, auth, o.tasks.find((t) => t.key === 'demo')!.id);
  }
  const target = o.stages.find((s) => s.seq === seq && s.kind === 'open');
  if (target && target.id !== o.stage.id) o = await api.stage(db, auth, o.id, { version: o.version, stageId: target.id });
  return o;
}

export async function demoOpportunities(db: Db, tenantId: string, r: R, now = new Date()): Promise<{ won: number; lost: number; open: number }> {
  const today = dateIn(now, 'Asia/Shanghai');
  const day = (offset: number) => addDays(today, offset);
  const [liNa, liuYang, zhaoMin, zhangWei, admin] = await Promise.all([
    actor(db, tenantId, 'li.na@demo.l2c.cn'), actor(db, tenantId, 'liu.yang@demo.l2c.cn'), actor(db, tenantId, 'zhao.min@demo.l2c.cn'),
    actor(db, tenantId, 'zhang.wei@demo.l2c.cn'), actor(db, tenantId, 'admin@demo.l2c.cn'),
  ]);
  const campaigns = await campaignsForDemo(db, tenantId).catch(() => []);
  await api.createProcess(db, admin, {
    name: '软件订阅流程', productLine: 'MES 软件', isDefault: false, stages: [
      { name: '试用申请', kind: 'open', probability: '15', requirements: [] },
      { name: '试用中', kind: 'open', probability: '35', requirements: [{ kind: 'field', field: 'contactId' }] },
      { name: '报价', kind: 'open', probability: '60', requirements: [{ kind: 'field', field: 'lines' }] },
      { name: '赢单', kind: 'won', probability: '100', requirements: [] }, { name: '输单', kind: 'lost', probability: '0', requirements: [] },
    ],
  });
  const backdate: Array<{ id: string; createdDaysAgo: number; closedDaysAgo: number | null }> = [];
  let won = 0; let lost = 0; let open = 0;

  for (const rep of [liNa, liuYang, zhaoMin]) {
    const customers = await customersOf(db, tenantId, rep.userId);
    let openIdx = 0; // each rep's open ones spread over the stages, the first in the first stage
    for (const [i, c] of customers.entries()) {
      const createdDaysAgo = 20 + ((i * 37) % 340);
      const campaign = campaigns.length > 0 && i % 3 === 0 ? campaigns[i % campaigns.length]! : null;
      const base = { customerId: c.id, currency: 'CNY' as const, forecastCategory: 'pipeline' as const, processId: null, ownerId: rep.userId, leadId: null, contactId: null, closeDate: null };
      const kind = i % 4; // 0 won, 1 lost, 2–3 open
      if (kind === 0 && c.contract_id && c.signed_on) {
        // won months ago: the signed contract demo-revenue made is what it became (same amount)
        const o = await api.create(db, rep, { ...base, name: `${c.name.slice(0, 8)} 设备联网项目`, amount: c.contract_amount!, lines: [], campaignId: campaign?.id ?? null });
        const at = await advance(db, rep, o, 2, c.contact_id, c.signed_on, r);
        await api.winLinked(db, rep, at, c.contract_id);
        backdate.push({ id: o.id, createdDaysAgo: Math.max(createdDaysAgo, 30), closedDaysAgo: Math.max(0, -daysFrom(today, c.signed_on)) });
        won++;
      } else if (kind === 1) {
        const o = await api.create(db, rep, { ...base, name: `${c.name.slice(0, 8)} 产线数字化`, lines: linesFor(r), campaignId: campaign?.id ?? null, amount: '0' });
        const at = await advance(db, rep, o, 2 + r.int(3), c.contact_id, day(-createdDaysAgo + 40), r);
        const reasons = ['price', 'competitor', 'no_budget', 'timing', 'product_fit'] as const;
        await api.lose(db, rep, o.id, { version: at.version, reason: reasons[i % reasons.length]!, competitor: COMPETITORS[i % COMPETITORS.length]!, note: null });
        backdate.push({ id: o.id, createdDaysAgo, closedDaysAgo: Math.max(1, createdDaysAgo - 45) });
        lost++;
      } else {
        // open: closing this quarter or next, in the stage its age suggests
        const closeIn = 5 + ((i * 17) % 150);
        const category = closeIn < 45 ? (i % 2 ? 'commit' : 'best_case') : 'pipeline';
        const o = await api.create(db, rep, { ...base, name: `${c.name.slice(0, 8)} ${['MES 二期', '能耗监测', '预测性维护', '设备联网扩容'][i % 4]}`, lines: linesFor(r), campaignId: campaign?.id ?? null, amount: '0', forecastCategory: category });
        const seq = 1 + (openIdx++ % 5);
        if (seq > 1) await advance(db, rep, o, seq, c.contact_id, day(closeIn), r);
        else await api.update(db, rep, o.id, { version: o.version, closeDate: day(closeIn) });
        backdate.push({ id: o.id, createdDaysAgo: Math.min(createdDaysAgo, 90), closedDaysAgo: null });
        open++;
      }
    }
  }

  // Opportunities of converted leads (leads demo), the twelve oldest: a third won as draft order contracts, a third lost, the rest open.
  const fromLeads = await asSystem(db, async (tx) => (await sql<{ id: string; owner_id: string; customer_id: string; contact_id: string | null }>`
    select id, owner_id, customer_id, contact_id from opportunities where tenant_id = ${tenantId} and lead_id is not null and status = 'open' order by created_at, id limit 12`.execute(tx)).rows);
  const reps = new Map([liNa, liuYang, zhaoMin, zhangWei].map((a) => [a.userId, a]));
  for (const [i, o] of fromLeads.entries()) {
    const rep = reps.get(o.owner_id);
    if (!rep) continue;
    let opp = await api.get(db, rep, o.id);
    if (opp.lines.length === 0) opp = await api.update(db, rep, o.id, { version: opp.version, lines: linesFor(r, 2) });
    if (i % 3 === 0) {
      const at = await advance(db, rep, opp, 3, o.contact_id, day(-5), r);
      await winOpportunity(db, rep, o.id, { version: at.version, createContract: true });
      won++;
    } else if (i % 3 === 1) {
      await api.lose(db, rep, o.id, { version: opp.version, reason: 'no_decision', competitor: null, note: null });
      lost++;
    } else {
      await advance(db, rep, opp, 2, o.contact_id, day(30 + i), r);
      open++;
    }
  }

  // Last month's wins: draft order contracts through the flow, as a rep does it.
  const liNaCustomers = await customersOf(db, tenantId, liNa.userId);
  for (const c of liNaCustomers.slice(0, 2)) {
    const o = await api.create(db, liNa, { customerId: c.id, currency: 'CNY', forecastCategory: 'commit', processId: null, ownerId: liNa.userId, leadId: null, contactId: null, closeDate: null, name: `${c.name.slice(0, 8)} 传感器增购`, lines: linesFor(r, 2), amount: '0', campaignId: null });
    const at = await advance(db, liNa, o, 5, c.contact_id, day(-3), r);
    await winOpportunity(db, liNa, o.id, { version: at.version, createContract: true });
    backdate.push({ id: o.id, createdDaysAgo: 60, closedDaysAgo: 3 });
    won++;
  }

  // The past: when each was created, entered its stages and closed (history entries spread between created and now/closed).
  await asSystem(db, async (tx) => {
    for (const b of backdate) {
      const created = `(now() - interval '${b.createdDaysAgo} days')`;
      const end = b.closedDaysAgo === null ? 'now()' : `(now() - interval '${b.closedDaysAgo} days')`;
      await sql`update opportunities set created_at = ${sql.raw(created)}, updated_at = ${sql.raw(end)},
        closed_on = case when status = 'open' then null else (${sql.raw(end)} at time zone 'Asia/Shanghai')::date end
        where tenant_id = ${tenantId} and id = ${b.id}`.execute(tx);
      await sql`with h as (select id, row_number() over (order by at, id) - 1 as k, count(*) over () as n from opportunity_stage_history
          where tenant_id = ${tenantId} and opportunity_id = ${b.id})
        update opportunity_stage_history s set at = ${sql.raw(created)} + (${sql.raw(end)} - ${sql.raw(created)}) * (h.k::numeric / greatest(h.n, 1))
        from h where s.tenant_id = ${tenantId} and s.id = h.id`.execute(tx);
      await sql`update opportunities o set stage_entered_at = (select max(at) from opportunity_stage_history h where h.tenant_id = o.tenant_id and h.opportunity_id = o.id)
        where o.tenant_id = ${tenantId} and o.id = ${b.id}`.execute(tx);
    }
  });

  // 张伟 adjusts 李娜's commit of this quarter: a customer promised a PO the system does not know yet.
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  await api.adjust(db, zhangWei, { period: quarter, subjectKind: 'rep', subjectId: liNa.userId, category: 'commit', currency: 'CNY', amount: '380000.00', reason: '宁波客户口头确认本季度下单，合同流程中' });

  await demoVisitsAndAccounts(db, tenantId, liNa, today);
  return { won, lost, open };
}

function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** 李娜's visits over the last weeks and today, her customers' locations (Hangzhou area), and a group with its decision map. */
async function demoVisitsAndAccounts(db: Db, tenantId: string, liNa: AuthContext, today: string) {
  const customers = (await customersOf(db, tenantId, liNa.userId)).slice(0, 8);
  for (const [i, c] of customers.entries()) {
    await visits.setLocation(db, liNa, c.id, { lat: 30.25 + i * 0.013, lng: 120.15 + i * 0.017, source: 'manual' });
  }
  const done: string[] = [];
  for (const [i, c] of customers.slice(0, 6).entries()) {
    const v = await visits.create(db, liNa, { customerId: c.id, contactId: c.contact_id, opportunityId: null, plannedOn: addDays(today, -3 * (6 - i)), purpose: ['季度回访', '方案交流', '现场勘查', '演示 GW-200', '商务沟通', '验收回访'][i]! });
    // at the customer (within ~100 m), except one check-in 2 km away (the rep checked in from the car park of the wrong plant)
    const off = i === 3 ? 0.018 : 0.0006;
    const inV = await visits.checkIn(db, liNa, v.id, { version: v.version, lat: 30.25 + i * 0.013 + off, lng: 120.15 + i * 0.017, source: 'gps' });
    await visits.checkOut(db, liNa, v.id, {
      version: inV.version, lat: 30.25 + i * 0.013, lng: 120.15 + i * 0.017, source: 'gps', nextDate: addDays(today, 7 + i),
      record: { attendees: '设备部、采购部', discussed: ['年度设备联网规划', '振动监测试点效果', '产线改造排期', '网关选型与报价', '付款条件', '验收遗留问题'][i]!, outcome: i === 4 ? 'negative' : 'positive', customerNeeds: i % 2 ? '希望分期付款' : null, competitorInfo: i === 2 ? '研华也在报价' : null, nextSteps: ['发送方案', '安排演示', '出报价单', '技术交流会', '申请特价', '整改清单'][i]! },
    });
    done.push(v.id);
  }
  const todayVisit = await visits.create(db, liNa, { customerId: customers[6]!.id, contactId: customers[6]!.contact_id, opportunityId: null, plannedOn: today, purpose: '新产品介绍' });
  await visits.checkIn(db, liNa, todayVisit.id, { version: todayVisit.version, lat: 30.25 + 6 * 0.013 + 0.0004, lng: 120.15 + 6 * 0.017, source: 'gps' });
  await visits.create(db, liNa, { customerId: customers[7]!.id, contactId: customers[7]!.contact_id, opportunityId: null, plannedOn: addDays(today, 1), purpose: '合同条款沟通' });
  await visits.create(db, liNa, { customerId: customers[0]!.id, contactId: customers[0]!.contact_id, opportunityId: null, plannedOn: addDays(today, 2), purpose: '年度运维续约' });
  // the visits happened over the last weeks: check-in at 10:00 on the planned day, out 75 minutes later
  await asSystem(db, async (tx) => {
    await sql`update visits set checkin_at = (planned_on + time '10:00') at time zone 'Asia/Shanghai',
        checkout_at = case when checkout_at is null then null else (planned_on + time '11:15') at time zone 'Asia/Shanghai' end
      where tenant_id = ${tenantId} and id = any(${done}::uuid[])`.execute(tx);
  });

  // A group: the first customer is the parent of two subsidiaries 李娜 opened, with a decision map at the parent.
  const parent = customers[0]!;
  for (const [i, name] of ['宁波分厂', '苏州分厂'].entries()) {
    const body = `91330200MA2DYF00${i + 1}`; // 17 characters; the check character computed
    await createCustomer(db, liNa, { name: `${parent.name.replace(/(股份)?有限公司$/, '')}${name}`, parentId: parent.id, allowDuplicate: true, creditCode: body + creditCodeCheckChar(body), industry: 'manufacturing', region: '华东', grade: 'B', source: 'manual', phone: null, address: null, website: null, remark: null, ownerId: liNa.userId });
  }
  const contacts = await asSystem(db, async (tx) => (await sql<{ id: string; name: string }>`select id, name from contacts where tenant_id = ${tenantId} and customer_id = ${parent.id} and deleted_at is null order by created_at, id`.execute(tx)).rows);
  const roles: Array<[string, 'decision_maker' | 'economic_buyer' | 'technical_buyer' | 'user_buyer' | 'influencer' | 'coach' | 'gatekeeper', number, 'champion' | 'supporter' | 'neutral' | 'skeptic' | 'opponent', string]> = [
    ['总经理', 'decision_maker', 5, 'supporter', '关注投资回报'], ['财务总监', 'economic_buyer', 4, 'skeptic', '对预算有顾虑'], ['设备部经理', 'technical_buyer', 4, 'champion', '试点的推动者'],
  ];
  for (const [i, c] of contacts.slice(0, roles.length).entries()) {
    const [, role, influence, attitude, note] = roles[i]!;
    await ka.setRole(db, liNa, c.id, { role, influence, attitude, note });
  }
  if (contacts.length >= 3) {
    await ka.relate(db, liNa, { fromContactId: contacts[2]!.id, toContactId: contacts[0]!.id, kind: 'reports_to', note: null });
    await ka.relate(db, liNa, { fromContactId: contacts[1]!.id, toContactId: contacts[0]!.id, kind: 'influences', note: null });
  } else if (contacts.length === 2) {
    await ka.relate(db, liNa, { fromContactId: contacts[1]!.id, toContactId: contacts[0]!.id, kind: 'reports_to', note: null });
  }
}
