// ISO 20022 camt.053 (bank-to-customer statement) reader on fast-xml-parser (MIT). Values are kept as text — no number
// parsing — so amounts stay exact; namespace prefixes are dropped so any camt.053 version (001.02 … 001.08) reads alike.
import { XMLParser } from 'fast-xml-parser';
import { clean, isCalendarDate, StatementParseError, type ParsedBalance, type ParsedLine, type ParsedStatement } from './types.js';

type X = Record<string, unknown>;
const ARRAYS = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'AdrLine', 'Strd']);
const parser = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, parseAttributeValue: false,
  trimValues: true, processEntities: true, isArray: (name) => ARRAYS.has(name),
});

const obj = (v: unknown): X => (v && typeof v === 'object' && !Array.isArray(v) ? (v as X) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const text = (v: unknown): string | null => (typeof v === 'string' ? clean(v) : v && typeof v === 'object' && '#text' in (v as X) ? clean(String((v as X)['#text'])) : null);
const at = (v: unknown, ...path: string[]): unknown => path.reduce<unknown>((o, k) => obj(Array.isArray(o) ? o[0] : o)[k], v);

function amountOf(v: unknown, where: string): { amount: string; currency: string } {
  const amount = text(v);
  const currency = String(obj(v)['@Ccy'] ?? '');
  if (!amount || !/^\d+(\.\d+)?$/.test(amount) || !/^[A-Z]{3}$/.test(currency)) throw new StatementParseError('amount without a valid value or Ccy', where);
  return { amount: amount.replace(/^0+(?=\d)/, ''), currency };
}

function dateOf(v: unknown): string | null {
  const d = text(at(v, 'Dt')) ?? text(at(v, 'DtTm'))?.slice(0, 10) ?? null;
  return d && isCalendarDate(d) ? d : null;
}

function balance(bal: unknown, where: string): ParsedBalance {
  const { amount, currency } = amountOf(at(bal, 'Amt'), where);
  const debit = text(at(bal, 'CdtDbtInd')) === 'DBIT';
  return { amount: debit && !/^0(\.0+)?$/.test(amount) ? `-${amount}` : amount, currency, date: dateOf(at(bal, 'Dt')) };
}

function accountId(acct: unknown): string | null {
  return text(at(acct, 'Id', 'IBAN')) ?? text(at(acct, 'Id', 'Othr', 'Id'));
}

/** Party name: camt.053.001.02 puts it at Dbtr/Nm, later versions at Dbtr/Pty/Nm. */
const partyName = (p: unknown) => text(at(p, 'Nm')) ?? text(at(p, 'Pty', 'Nm'));

function entry(ntry: unknown, statementCurrency: string, where: string): ParsedLine {
  const { amount, currency } = amountOf(at(ntry, 'Amt'), where);
  const credit = text(at(ntry, 'CdtDbtInd')) === 'CRDT';
  const reversal = text(at(ntry, 'RvslInd')) === 'true';
  const direction = credit !== reversal ? 'credit' : 'debit';
  const tx = arr(at(ntry, 'NtryDtls')).flatMap((d) => arr(obj(d)['TxDtls']))[0];
  const parties = at(tx, 'RltdPties');
  // the other side: who paid us on a credit, whom we paid on a debit
  const payer = direction === 'credit' ? { name: partyName(at(parties, 'Dbtr')), acct: accountId(at(parties, 'DbtrAcct')) }
    : { name: partyName(at(parties, 'Cdtr')), acct: accountId(at(parties, 'CdtrAcct')) };
  const rmt = at(tx, 'RmtInf');
  const unstructured = arr(obj(Array.isArray(rmt) ? rmt[0] : rmt)['Ustrd']).map(text).filter(Boolean);
  const structured = arr(obj(Array.isArray(rmt) ? rmt[0] : rmt)['Strd']).map((s) => text(at(s, 'CdtrRefInf', 'Ref'))).filter(Boolean);
  const bookedOn = dateOf(at(ntry, 'BookgDt')) ?? dateOf(at(ntry, 'ValDt'));
  if (!bookedOn) throw new StatementParseError('entry without a booking or value date', where);
  return {
    bookedOn, valueOn: dateOf(at(ntry, 'ValDt')), direction, amount, currency: currency || statementCurrency,
    payerName: payer.name, payerAccount: payer.acct,
    remittance: clean([...unstructured, ...structured].join(' ')) ?? text(at(ntry, 'AddtlNtryInf')),
    bankReference: text(at(ntry, 'AcctSvcrRef')) ?? text(at(tx, 'Refs', 'AcctSvcrRef')) ?? text(at(ntry, 'NtryRef')),
    customerReference: text(at(tx, 'Refs', 'EndToEndId')) === 'NOTPROVIDED' ? null : text(at(tx, 'Refs', 'EndToEndId')),
  };
}

export function parseCamt053(xml: string): ParsedStatement[] {
  let doc: X;
  try {
    doc = obj(parser.parse(xml));
  } catch (err) {
    throw new StatementParseError(`not well-formed XML (${(err as Error).message.split('\n')[0]})`);
  }
  const root = obj(obj(doc['Document'])['BkToCstmrStmt']);
  const stmts = arr(root['Stmt']);
  if (stmts.length === 0) throw new StatementParseError('no camt.053 statement found (expected Document/BkToCstmrStmt/Stmt)');
  return stmts.map((s, si) => {
    const where = `statement ${si + 1}`;
    const acct = at(s, 'Acct');
    const account = accountId(acct);
    if (!account) throw new StatementParseError('statement without Acct/Id', where);
    const bals = arr(obj(s)['Bal']).map((b, i) => ({ code: text(at(b, 'Tp', 'CdOrPrtry', 'Cd')), bal: balance(b, `${where}, balance ${i + 1}`) }));
    const pick = (...codes: string[]) => codes.map((c) => bals.find((b) => b.code === c)?.bal).find(Boolean) ?? null;
    const opening = pick('OPBD', 'PRCD');
    const closing = pick('CLBD');
    const currency = text(at(acct, 'Ccy')) ?? opening?.currency ?? closing?.currency;
    if (!currency) throw new StatementParseError('statement without a currency', where);
    return {
      account, currency, reference: text(at(s, 'Id')), number: text(at(s, 'ElctrncSeqNb')) ?? text(at(s, 'LglSeqNb')),
      opening, closing, available: pick('CLAV'),
      lines: arr(obj(s)['Ntry']).map((n, i) => entry(n, currency, `${where}, entry ${i + 1}`)),
    };
  });
}
