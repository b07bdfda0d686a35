// The conversion model on a synthetic dataset with a known signal: industry, source and company size move the true
// conversion odds; region is noise. Naive Bayes must rank held-out leads almost as well as the true probabilities do
// (AUC > 0.8, within 0.03 of the oracle), explain the signal with the right signs, and be no better than chance
// (AUC ≈ 0.5) when the labels are shuffled. The AUCs are printed for a person to read.
import { describe, expect, it } from 'vitest';
import { auc, predict, trainNaiveBayes, type Sample } from '../src/domains/scoring/index.js';

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FEATURES = ['industry', 'source', 'size', 'region'];
const pick = <T>(r: () => number, xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;

function dataset(n: number, seed: number): Array<Sample & { truth: number }> {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const f = {
      industry: pick(r, ['manufacturing', 'it', 'retail', 'energy']), source: pick(r, ['web_form', 'campaign', 'import', 'referral']),
      size: pick(r, ['1-49', '50-199', '200-999', '1000+']), region: pick(r, ['华东', '华北', '华南', '西部']),
    };
    // the known signal: manufacturing +2.5, referral +2, campaign +1, 200+ employees +1.2, import −1.5; region nothing
    const logit = -2.5 + (f.industry === 'manufacturing' ? 2.5 : 0) + (f.source === 'referral' ? 2 : f.source === 'campaign' ? 1 : f.source === 'import' ? -1.5 : 0)
      + (f.size === '200-999' || f.size === '1000+' ? 1.2 : 0);
    const truth = 1 / (1 + Math.exp(-logit));
    return { features: f, label: r() < truth ? 1 : 0, truth };
  });
}

describe('naive Bayes on a synthetic dataset with a known signal', () => {
  const train = dataset(3000, 7);
  const test = dataset(1000, 8);
  const model = trainNaiveBayes(train, FEATURES);

  it('ranks held-out leads nearly as well as the true probabilities (AUC > 0.8)', () => {
    const learned = auc(test.map((s) => predict(model, s.features).logit), test.map((s) => s.label))!;
    const oracle = auc(test.map((s) => s.truth), test.map((s) => s.label))!;
    console.log(`scoring AUC on 1,000 held-out synthetic leads: model ${learned.toFixed(3)}, true probabilities ${oracle.toFixed(3)}`); // eslint-disable-line no-console
    expect(learned).toBeGreaterThan(0.8);
    expect(learned).toBeGreaterThan(oracle - 0.03);
  });

  it('explains a lead factor by factor, with the signal\'s signs and region near zero', () => {
    const p = predict(model, { industry: 'manufacturing', source: 'import', size: '1000+', region: '华南' });
    const byFeature = Object.fromEntries(p.factors.map((f) => [f.feature, f.logOdds]));
    expect(byFeature.industry).toBeGreaterThan(1);
    expect(byFeature.source).toBeLessThan(-0.5);
    expect(byFeature.size).toBeGreaterThan(0.3);
    expect(Math.abs(byFeature.region!)).toBeLessThan(0.25);
    const strengths = p.factors.map((f) => Math.abs(f.logOdds));
    expect(strengths).toEqual([...strengths].sort((a, b) => b - a)); // strongest first
    expect(p.factors.at(-1)!.feature).toBe('region');
    // the probability is the logistic of prior + the factors
    const logit = p.prior + p.factors.reduce((s, f) => s + f.logOdds, 0);
    expect(p.probability).toBeCloseTo(1 / (1 + Math.exp(-logit)), 2);
  });

  it('learns nothing from shuffled labels (AUC ≈ 0.5)', () => {
    const r = rng(99);
    const labels = train.map((s) => s.label);
    for (let i = labels.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [labels[i], labels[j]] = [labels[j]!, labels[i]!]; }
    const shuffled = trainNaiveBayes(train.map((s, i) => ({ features: s.features, label: labels[i]! })), FEATURES);
    const testLabels = test.map((s) => s.label);
    for (let i = testLabels.length - 1; i > 0; i--) { const j = Math.floor(r() * (i + 1)); [testLabels[i], testLabels[j]] = [testLabels[j]!, testLabels[i]!]; }
    const value = auc(test.map((s) => predict(shuffled, s.features).logit), testLabels)!;
    console.log(`scoring AUC with shuffled labels: ${value.toFixed(3)}`); // eslint-disable-line no-console
    expect(value).toBeGreaterThan(0.44);
    expect(value).toBeLessThan(0.56);
  });

  it('computes AUC with ties as half', () => {
    expect(auc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
    expect(auc([1, 1, 1, 1], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([4, 3, 2, 1], [0, 0, 1, 1])).toBe(0);
    expect(auc([1, 2], [1, 1])).toBeNull();
  });
});
