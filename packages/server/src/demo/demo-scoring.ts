// Demo scoring and dedup: 吴芳 (marketing) sets the tenant's scoring rules — event points, fit for manufacturing,
// large companies, 华东 and referrals, a 21-day half-life — the conversion model is trained on the year of closed demo
// leads (converted / invalid) and every open lead rescored with it, and each paying customer gets its RFM from its
// payments and write-offs. A lead rule blocks a second lead with a known credit code. Through the domains' own functions.
import { sql } from 'kysely';
import { asSystem, inTenant, type Db } from '../platform/db.js';
import type { AuthContext } from '../platform/auth.js';
import { businessDate } from '../platform/clock.js';
import { computeRfmTx, configTx, putScoringConfig, trainTx } from '../domains/scoring/index.js';
import { createDuplicateRule } from '../domains/dedup/index.js';

async function actor(db: Db, tenantId: string, email: string): Promise<AuthContext> {
  const u = await asSystem(db, async (tx) => (await sql<{ id: string; role: AuthContext['role']; team_id: string | null; name: string }>`
    select id, role, team_id, name from users where tenant_id = ${tenantId} and email = ${email}`.execute(tx)).rows[0]!);
  return { tenantId, userId: u.id, role: u.role, teamId: u.team_id, scope: 'all', name: u.name, tokenId: '00000000-0000-0000-0000-000000000000', via: 'bearer', timeZone: 'Asia/Shanghai', requestId: 'demo' };
}

export interface DemoScoring { trained: boolean; samples: number; auc: number | null; rescored: number; rfm: number }

export async function demoScoring(db: Db, tenantId: string, now = new Date()): Promise<DemoScoring> {
  const wu = await actor(db, tenantId, 'wu.fang@demo.l2c.cn');
  const admin = await actor(db, tenantId, 'admin@demo.l2c.cn');
  const current = await inTenant(db, wu, (tx) => configTx(tx));
  await putScoringConfig(db, wu, {
    halfLifeDays: 21, weightBehaviour: 35, weightFit: 25, weightModel: 40, gradeA: 70, gradeB: 50, gradeC: 30,
    rfmWindowDays: 365, rfmGradeA: 13, rfmGradeB: 10, rfmGradeC: 7, version: current.settings.version,
    events: [
      { event: 'form_submitted', points: 20 }, { event: 'checked_in', points: 25 }, { event: 'webinar_registered', points: 10 },
      { event: 'email_opened', points: 3 }, { event: 'email_clicked', points: 8 }, { event: 'visited_pricing', points: 12 },
      { event: 'demo_requested', points: 30 }, { event: 'unsubscribed', points: -20 },
    ],
    fit: [
      { field: 'industry', value: 'manufacturing', points: 30 }, { field: 'industry', value: 'energy', points: 15 },
      { field: 'size', value: '1000+', points: 25 }, { field: 'size', value: '200-999', points: 15 }, { field: 'size', value: '1-49', points: -10 },
      { field: 'region', value: '华东', points: 10 }, { field: 'source', value: 'referral', points: 20 }, { field: 'source', value: 'campaign', points: 10 },
    ],
  });
  await createDuplicateRule(db, admin, { object: 'lead', name: '信用代码相同即拦截', fields: ['credit_code'], blocking: 'exact', threshold: 1, action: 'block', active: true });
  const trained = await inTenant(db, wu, async (tx) => {
    try {
      const r = await trainTx(tx, wu, { now });
      const m = (await sql<{ samples: number; auc: string | null }>`select samples, auc from score_models where id = ${r.modelId}`.execute(tx)).rows[0]!;
      return { trained: true, samples: m.samples, auc: m.auc === null ? null : Number(m.auc), rescored: r.rescored };
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'scoring.too_few_closed') return { trained: false, samples: 0, auc: null, rescored: 0 };
      throw e;
    }
  });
  const rfm = await inTenant(db, wu, (tx) => computeRfmTx(tx, null, businessDate(now, 'Asia/Shanghai')));
  return { ...trained, rfm };
}
