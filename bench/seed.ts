// Bench data: one tenant with a sales organisation (3 regions, 7 groups, 30 users) and N customers inserted in bulk
// with INSERT … SELECT generate_series as the owner role (no RLS, no per-row round trips). Deterministic (setseed).
import { sql } from 'kysely';
import { asSystem, type Db } from '../packages/server/src/platform/db.js';
import { hashPassword } from '../packages/server/src/domains/identity/index.js';

export const BENCH_PASSWORD = 'bench-pass-1';

export interface BenchUser { id: string; email: string; name: string; role: string; teamId: string | null }
export interface BenchTenant {
  tenantId: string;
  slug: string;
  users: BenchUser[];
  admin: BenchUser;
  /** Manager of the East region (its team plus three sub-teams): data scope 'team'. */
  managerEast: BenchUser;
  customers: number;
}

// [city, region (province/city), phone area code, credit-code area code]
const CITIES = [
  ['杭州', '浙江省杭州市', '0571', '330100'], ['上海', '上海市', '021', '310000'], ['苏州', '江苏省苏州市', '0512', '320500'],
  ['宁波', '浙江省宁波市', '0574', '330200'], ['南京', '江苏省南京市', '025', '320100'], ['北京', '北京市', '010', '110000'],
  ['天津', '天津市', '022', '120000'], ['济南', '山东省济南市', '0531', '370100'], ['青岛', '山东省青岛市', '0532', '370200'],
  ['合肥', '安徽省合肥市', '0551', '340100'], ['无锡', '江苏省无锡市', '0510', '320200'], ['石家庄', '河北省石家庄市', '0311', '130100'],
  ['广州', '广东省广州市', '020', '440100'], ['深圳', '广东省深圳市', '0755', '440300'], ['成都', '四川省成都市', '028', '510100'],
  ['武汉', '湖北省武汉市', '027', '420100'], ['西安', '陕西省西安市', '029', '610100'], ['重庆', '重庆市', '023', '500000'],
  ['厦门', '福建省厦门市', '0592', '350200'], ['长沙', '湖南省长沙市', '0731', '430100'],
] as const;
// Two of these make a trade name (字号): 60 × 60 = 3,600 names, e.g. 恒通, 鼎盛, 华科.
const ZIHAO = '恒通鼎盛华科瑞丰金桥宏达天成永信博远中联新元汇智东方明德世长风嘉禾景卓越正泰海川星辰银河九州万象启航同创安凯润力美伟隆兴';
const KINDS = [
  ['精密机械', 'manufacturing'], ['电子科技', 'it'], ['物流', 'logistics'], ['医疗器械', 'healthcare'], ['新能源', 'energy'],
  ['建设工程', 'construction'], ['商贸', 'retail'], ['软件', 'it'], ['汽车零部件', 'manufacturing'], ['环保科技', 'energy'],
  ['信息技术', 'it'], ['食品', 'retail'], ['化工', 'manufacturing'], ['投资管理', 'finance'], ['教育科技', 'education'],
  ['智能装备', 'manufacturing'], ['供应链管理', 'logistics'], ['生物科技', 'healthcare'], ['电力设备', 'energy'], ['网络科技', 'it'],
] as const;
const SUFFIXES = ['有限公司', '有限公司', '有限公司', '股份有限公司', '集团有限公司'];
const ROADS = ['人民路', '解放路', '中山路', '建设路', '科技大道', '工业园路', '滨江大道', '新华路', '文化路', '创业路'];
const SOURCES = ['manual', 'manual', 'import', 'import', 'website', 'campaign', 'referral', 'exhibition', 'partner', 'other'];

const SURNAMES = '王李张刘陈杨黄赵周吴徐孙马朱胡郭何林高罗郑梁谢宋唐';
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '桂英', '晓东', '志强', '海燕', '建华', '丽娟', '文博'];

export async function seedTenant(db: Db, customers: number): Promise<BenchTenant> {
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const slug = 'bench';
  const org = await asSystem(db, async (tx) => {
    const tenantId = (await sql<{ id: string }>`insert into tenants (slug, name) values (${slug}, '杭州云帆智能科技有限公司（基准测试）')
      returning id`.execute(tx)).rows[0]!.id;
    const team = async (name: string, parentId: string | null) =>
      (await sql<{ id: string }>`insert into teams (tenant_id, name, parent_id) values (${tenantId}, ${name}, ${parentId}) returning id`.execute(tx)).rows[0]!.id;
    const center = await team('销售中心', null);
    const regions = [
      { name: '华东大区', groups: [['上海一组', 4], ['杭州组', 3], ['南京组', 3]] },
      { name: '华北大区', groups: [['北京组', 3], ['天津组', 3]] },
      { name: '华南大区', groups: [['广州组', 4], ['深圳组', 3]] },
    ] as const;
    const users: BenchUser[] = [];
    let seq = 0;
    const user = async (role: string, teamId: string | null) => {
      seq++;
      const name = SURNAMES[seq % SURNAMES.length]! + GIVEN[(seq * 7) % GIVEN.length]!;
      const email = `user${String(seq).padStart(2, '0')}@bench.l2c.cn`;
      const id = (await sql<{ id: string }>`insert into users (tenant_id, email, name, role, team_id, password_hash)
        values (${tenantId}, ${email}, ${name}, ${role}, ${teamId}, ${passwordHash}) returning id`.execute(tx)).rows[0]!.id;
      const u = { id, email, name, role, teamId };
      users.push(u);
      return u;
    };
    const admin = await user('admin', null);
    await user('executive', null);
    await user('finance', null);
    await user('marketer', center);
    const managers: BenchUser[] = [];
    for (const region of regions) {
      const regionId = await team(region.name, center);
      const manager = await user('sales_manager', regionId);
      await sql`update teams set manager_id = ${manager.id} where id = ${regionId}`.execute(tx);
      managers.push(manager);
      for (const [groupName, reps] of region.groups) {
        const groupId = await team(groupName, regionId);
        for (let i = 0; i < reps; i++) await user('sales_rep', groupId);
      }
    }
    return { tenantId, users, admin, managerEast: managers[0]! };
  });

  // Owners: reps carry most customers (weight 4), managers a few (weight 1); 5% sit in the public pool.
  const owners = org.users.flatMap((u) => (u.role === 'sales_rep' ? [u.id, u.id, u.id, u.id] : u.role === 'sales_manager' ? [u.id] : []));
  await asSystem(db, async (tx) => {
    await sql`select setseed(0.20261123)`.execute(tx);
    await sql`
      insert into customers (tenant_id, number, name, name_key, credit_code, industry, region, grade, source, phone, phone_key,
        address, website, remark, owner_id, pool_entered_at, last_followup_at, owner_since, version, created_by, created_at, updated_at)
      select ${org.tenantId}::uuid,
        'KH-' || to_char(created_at at time zone 'Asia/Shanghai', 'YYYY') || '-' || lpad(i::text, 6, '0'),
        city || zihao || kind || suffix,
        city || zihao || kind,
        case when r_credit < 0.85 then '91' || area || 'MA' || lpad(upper(to_hex(i)), 7, '0')
          || substr('0123456789ABCDEFGHJKLMNPQRTUWXY', 1 + i % 31, 1) end,
        industry, region, grade, source,
        case when r_phone < 0.9 then phone_area || '-' || phone_local end,
        case when r_phone < 0.9 then phone_area || phone_local end,
        region || road || (1 + floor(r_addr * 999))::int || '号',
        case when r_web < 0.3 then 'https://www.example-' || i || '.cn' end,
        case when r_web < 0.1 then '年度框架协议客户，关注交付周期与售后响应。' end,
        owner_id,
        case when owner_id is null then created_at + (now() - created_at) * r_pool end,
        followup_at, created_at, 1, coalesce(owner_id, ${org.admin.id}::uuid), created_at, coalesce(followup_at, created_at)
      from (
        select i, created_at,
          (${CITIES.map((c) => c[0])}::text[])[c] as city, (${CITIES.map((c) => c[1])}::text[])[c] as region,
          (${CITIES.map((c) => c[2])}::text[])[c] as phone_area, (${CITIES.map((c) => c[3])}::text[])[c] as area,
          substr(${ZIHAO}, z1, 1) || substr(${ZIHAO}, z2, 1) as zihao,
          (${KINDS.map((k) => k[0])}::text[])[k] as kind, (${KINDS.map((k) => k[1])}::text[])[k] as industry,
          (${SUFFIXES}::text[])[1 + floor(r_suffix * ${SUFFIXES.length})::int] as suffix,
          (${ROADS}::text[])[1 + floor(r_road * ${ROADS.length})::int] as road,
          (${SOURCES}::text[])[1 + floor(r_source * ${SOURCES.length})::int] as source,
          case when r_grade < 0.15 then 'A' when r_grade < 0.45 then 'B' when r_grade < 0.80 then 'C' when r_grade < 0.95 then 'D' end as grade,
          case when r_owner >= 0.05 then (${owners}::uuid[])[1 + floor(r_owner2 * ${owners.length})::int] end as owner_id,
          case when r_follow < 0.7 then created_at + (now() - created_at) * r_follow2 end as followup_at,
          lpad((10000000 + (i * 7919) % 90000000)::text, 8, '0') as phone_local,
          r_credit, r_phone, r_addr, r_web, r_pool
        from (
          select i,
            -- Numbers grow with time, as they do when customers are created one by one over two years.
            now() - interval '730 days' + interval '730 days' * ((i - 1 + random()) / ${customers}) as created_at,
            1 + floor(random() * ${CITIES.length})::int as c, 1 + floor(random() * 60)::int as z1, 1 + floor(random() * 60)::int as z2,
            1 + floor(random() * ${KINDS.length})::int as k,
            random() as r_suffix, random() as r_road, random() as r_source, random() as r_grade, random() as r_owner,
            random() as r_owner2, random() as r_follow, random() as r_follow2, random() as r_credit, random() as r_phone,
            random() as r_addr, random() as r_web, random() as r_pool
          from generate_series(1, ${customers}) i
        ) r
      ) g`.execute(tx);
    // About 1% belong to a group company (parent), so the parent join has something to find.
    await sql`
      with ranked as (select id, row_number() over (order by number) as rn from customers where tenant_id = ${org.tenantId})
      update customers c set parent_id = p.id from ranked r, ranked p
      where c.id = r.id and r.rn % 100 = 0 and p.rn = r.rn - 50`.execute(tx);
    // The document sequence, so a customer created after the bench data gets a fresh number.
    await sql`insert into doc_sequences (tenant_id, doc_type, year, last_value)
      select ${org.tenantId}, 'KH', y, ${customers} from generate_series(2020, 2035) y`.execute(tx);
  });
  return { ...org, slug, customers };
}

/** Planner statistics and the visibility map, as autovacuum would have them after a bulk load on a server. */
export async function analyze(db: Db): Promise<void> {
  for (const t of ['customers', 'users', 'teams', 'auth_tokens']) await db.pool.query(`vacuum analyze ${t}`);
}
