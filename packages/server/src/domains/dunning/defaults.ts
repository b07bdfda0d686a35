// The policies a tenant starts with (created on first use, then theirs to change): the standard one, and a stricter
// one for high-risk customers. Offsets are days relative to the due date.
import type { PolicyFields, StepFields } from './policies.sql.js';

type S = Omit<StepFields, 'seq'>;
const standard: S[] = [
  { offsetDays: -3, action: 'email', recipient: 'customer', name: '到期前提醒 Reminder before due' },
  { offsetDays: 0, action: 'notice', recipient: 'owner', name: '到期日提醒 Due today' },
  { offsetDays: 0, action: 'email', recipient: 'customer', name: '到期通知 Due today (customer)' },
  { offsetDays: 7, action: 'task', recipient: 'owner', name: '逾期 7 天：销售跟进 Rep follows up' },
  { offsetDays: 15, action: 'task', recipient: 'manager', name: '逾期 15 天：经理介入 Manager steps in' },
  { offsetDays: 30, action: 'letter', recipient: 'finance', name: '逾期 30 天：财务发催款函 Formal letter' },
  { offsetDays: 60, action: 'hold', recipient: 'finance', name: '逾期 60 天：信用冻结 Credit hold' },
];
const highRisk: S[] = [
  { offsetDays: -7, action: 'email', recipient: 'customer', name: '到期前提醒 Reminder before due' },
  { offsetDays: 0, action: 'email', recipient: 'customer', name: '到期通知 Due today (customer)' },
  { offsetDays: 3, action: 'task', recipient: 'owner', name: '逾期 3 天：销售跟进 Rep follows up' },
  { offsetDays: 7, action: 'task', recipient: 'manager', name: '逾期 7 天：经理介入 Manager steps in' },
  { offsetDays: 15, action: 'letter', recipient: 'finance', name: '逾期 15 天：财务发催款函 Formal letter' },
  { offsetDays: 30, action: 'hold', recipient: 'finance', name: '逾期 30 天：信用冻结 Credit hold' },
];

export const DEFAULT_POLICIES: Array<{ policy: PolicyFields; steps: StepFields[] }> = [
  { policy: { name: '标准催收 Standard', grade: null, riskLevel: null, priority: 100, active: true }, steps: standard.map((s, i) => ({ ...s, seq: i + 1 })) },
  { policy: { name: '高风险客户 High risk', grade: null, riskLevel: 'high', priority: 50, active: true }, steps: highRisk.map((s, i) => ({ ...s, seq: i + 1 })) },
];
