// The health of an open opportunity over six named dimensions — need, budget, decision chain, competition, value,
// timeline. The rep rates each 0–3 (what she knows); facts the system sees move the score up or down, and every move
// is a reason the page shows (as a code with its parameter, translated by the web app):
//   rated:N               the rep's rating N/3 is the base (0, 33, 67, 100)
//   not_rated             no rating yet: 0
//   no_contact / contact  need: nobody named at the customer
//   no_amount / no_lines  budget, value: nothing priced yet
//   decision_maker_supports / decision_maker_missing / opponent:NAME   decision chain, from the decision map
//   competitor:NAME       competition: a named competitor not rated yet
//   no_close_date / close_date_passed / closes_in:DAYS / stuck:DAYS      timeline
// The overall score is the mean of the six; good from 70, watch from 40, at risk below.
import { HEALTH_DIMENSIONS, daysBetween, type HealthDimension, type HealthReport } from '@l2c/shared';

export interface HealthFacts {
  rated: Partial<Record<HealthDimension, { score: number; note: string | null }>>;
  contactId: string | null;
  amount: string;
  lineCount: number;
  competitor: string | null;
  closeDate: string | null;
  today: string;
  daysInStage: number;
  /** From the customer's decision map: decision makers / economic buyers and their attitude; strong opponents. */
  decisionMakers: Array<{ name: string; attitude: string }>;
  opponents: Array<{ name: string; influence: number }>;
}

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

export function healthOf(f: HealthFacts): HealthReport {
  const dimensions = HEALTH_DIMENSIONS.map((dimension) => {
    const r = f.rated[dimension];
    const reasons: string[] = [];
    let score = r ? (r.score * 100) / 3 : 0;
    reasons.push(r ? `rated:${r.score}` : 'not_rated');
    switch (dimension) {
      case 'need':
        if (!f.contactId) { score -= 20; reasons.push('no_contact'); }
        break;
      case 'budget':
        if (Number(f.amount) <= 0) { score -= 30; reasons.push('no_amount'); }
        break;
      case 'value':
        if (f.lineCount === 0) { score -= 20; reasons.push('no_lines'); }
        break;
      case 'decision_chain': {
        const supporter = f.decisionMakers.find((d) => d.attitude === 'champion' || d.attitude === 'supporter');
        if (supporter) { score += 20; reasons.push(`decision_maker_supports:${supporter.name}`); }
        else if (f.decisionMakers.length === 0) { score -= 20; reasons.push('decision_maker_missing'); }
        for (const o of f.opponents) { score -= 15; reasons.push(`opponent:${o.name}`); }
        break;
      }
      case 'competition':
        if (f.competitor && !r) reasons.push(`competitor:${f.competitor}`);
        break;
      case 'timeline':
        if (!f.closeDate) { score = Math.min(score, 20); reasons.push('no_close_date'); }
        else {
          const days = daysBetween(f.today, f.closeDate);
          if (days < 0) { score = Math.min(score, 10); reasons.push('close_date_passed'); }
          else reasons.push(`closes_in:${days}`);
        }
        if (f.daysInStage > 45) { score -= 25; reasons.push(`stuck:${f.daysInStage}`); }
        break;
    }
    return { dimension, score: clamp(score), rated: r ? r.score : null, note: r?.note ?? null, reasons };
  });
  const score = clamp(dimensions.reduce((s, d) => s + d.score, 0) / dimensions.length);
  return { score, level: score >= 70 ? 'good' : score >= 40 ? 'watch' : 'at_risk', dimensions };
}
