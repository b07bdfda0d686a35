// The conversion model: naive Bayes over a lead's field values with Laplace smoothing, learned from the tenant's own
// closed leads (converted = 1, invalid = 0). Pure functions: training, prediction with its explanation, and AUC.
//
// Prediction in log-odds: logit = log((pos+1)/(neg+1)) + Σ_f log(P(v_f|1) / P(v_f|0)), with
// P(v|c) = (n(v,c) + 1) / (n(c) + K_f) where K_f is the number of values feature f took in training plus one (the
// unseen value). Each term of the sum is one factor of the explanation: positive pushes towards conversion.

export type Features = Record<string, string>;
export interface Sample { features: Features; label: 0 | 1 }

export interface NaiveBayesModel {
  kind: 'naive_bayes';
  features: string[];
  positives: number;
  negatives: number;
  /** feature → value → [count among positives, count among negatives] */
  counts: Record<string, Record<string, [number, number]>>;
}

export interface Factor { feature: string; value: string; logOdds: number }
export interface Prediction { probability: number; logit: number; prior: number; factors: Factor[] }

export function trainNaiveBayes(samples: Sample[], features: string[]): NaiveBayesModel {
  const counts: NaiveBayesModel['counts'] = {};
  for (const f of features) counts[f] = {};
  let positives = 0;
  for (const s of samples) {
    if (s.label === 1) positives++;
    for (const f of features) {
      const v = s.features[f] ?? '';
      const c = (counts[f]![v] ??= [0, 0]);
      c[s.label === 1 ? 0 : 1]++;
    }
  }
  return { kind: 'naive_bayes', features, positives, negatives: samples.length - positives, counts };
}

export function predict(model: NaiveBayesModel, features: Features): Prediction {
  const prior = Math.log((model.positives + 1) / (model.negatives + 1));
  const factors: Factor[] = [];
  let logit = prior;
  for (const f of model.features) {
    const table = model.counts[f] ?? {};
    const k = Object.keys(table).length + 1;
    const v = features[f] ?? '';
    const [np, nn] = table[v] ?? [0, 0];
    const logOdds = Math.log((np + 1) / (model.positives + k)) - Math.log((nn + 1) / (model.negatives + k));
    factors.push({ feature: f, value: v, logOdds: Math.round(logOdds * 1000) / 1000 });
    logit += logOdds;
  }
  factors.sort((a, b) => Math.abs(b.logOdds) - Math.abs(a.logOdds) || a.feature.localeCompare(b.feature));
  return { probability: 1 / (1 + Math.exp(-logit)), logit, prior: Math.round(prior * 1000) / 1000, factors };
}

/** Area under the ROC curve: the chance a random positive scores above a random negative (ties count half). */
export function auc(scores: number[], labels: Array<0 | 1>): number | null {
  const idx = scores.map((s, i) => [s, labels[i]!] as const).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  let neg = 0;
  let rankSum = 0;
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j < idx.length && idx[j]![0] === idx[i]![0]) j++;
    const avgRank = (i + 1 + j) / 2; // ranks i+1 … j share their average
    for (let k = i; k < j; k++) if (idx[k]![1] === 1) { rankSum += avgRank; pos++; } else neg++;
    i = j;
  }
  if (pos === 0 || neg === 0) return null;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** A stable fifth of the samples held out for the AUC, chosen by a hash of the key (the lead id). */
export function isHoldout(key: string): boolean {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 5) === 0;
}

/** Train on four fifths, measure AUC on the fifth held out, then train the model kept on everything. */
export function trainWithHoldout(samples: Array<Sample & { key: string }>, features: string[]): { model: NaiveBayesModel; auc: number | null } {
  const train = samples.filter((s) => !isHoldout(s.key));
  const test = samples.filter((s) => isHoldout(s.key));
  const probe = trainNaiveBayes(train, features);
  const measured = auc(test.map((s) => predict(probe, s.features).logit), test.map((s) => s.label));
  return { model: trainNaiveBayes(samples, features), auc: measured };
}
