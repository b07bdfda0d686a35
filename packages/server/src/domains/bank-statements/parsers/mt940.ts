// SWIFT MT940 (customer statement) reader. Written here rather than taken from npm: the maintained JS parsers we tried
// (mt940js 1.3.5) turn amounts into floats and stop on real files — the ABN AMRO sample's header lines, mBank's SOH
// framing byte — where this one must read every statement of a file and leave the balance check to the importer.
// Field layout per SWIFT MT940: :20: reference, :25: account, :28C: number, :60F/M: opening, :61: line, :86: details,
// :62F/M: closing, :64: closing available.
import { clean, commaDecimal, StatementParseError, swiftDate, type ParsedBalance, type ParsedLine, type ParsedStatement } from './types.js';

interface Field { tag: string; value: string; lineNo: number }

/** Split the text into tag fields per message; a "-" line or a new :20: ends a statement. */
function messages(text: string): Field[][] {
  const out: Field[][] = [];
  let current: Field[] = [];
  let field: Field | null = null;
  const lines = text.replace(/[\x01\x03]/g, '\n').replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, i) => {
    let line = raw.replace(/\s+$/, '');
    // SWIFT FIN envelopes: {1:…}{2:…}{4: — the statement's fields follow; -} closes the block.
    const block = /^\{1:.*\{4:(.*)$/.exec(line) ?? /^\{4:(.*)$/.exec(line);
    if (block) line = block[1]!;
    if (line === '-' || line === '-}') { field = null; if (current.length) out.push(current); current = []; return; }
    const tag = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (tag) {
      if (tag[1] === '20' && current.some((f) => f.tag === '20')) { out.push(current); current = []; }
      field = { tag: tag[1]!, value: tag[2]!, lineNo: i + 1 };
      current.push(field);
    } else if (field) {
      field.value += `\n${line}`;
    } // text outside any field (bank headers like "ABNANL2A" / "940") carries nothing we read
  });
  if (current.length) out.push(current);
  return out.filter((m) => m.some((f) => f.tag === '60F' || f.tag === '60M' || f.tag === '61'));
}

function balance(f: Field): ParsedBalance {
  const m = /^([CD])(\d{6})([A-Z]{3})([\d,]+)/.exec(f.value.trim());
  if (!m) throw new StatementParseError(`:${f.tag}: is not "C|D YYMMDD CCY amount"`, `line ${f.lineNo}`);
  const amount = commaDecimal(m[4]!);
  return { amount: m[1] === 'D' && amount !== '0' ? `-${amount}` : amount, currency: m[3]!, date: swiftDate(m[2]!) };
}

// value date, entry date (MMDD), mark (C, D, RC, RD; CR/DR as some banks write them), funds code, amount,
// transaction type (N/F/S + 3), reference for the account owner, //bank reference, supplementary details.
const LINE = /^(\d{6})(\d{4})?(RC|RD|CR|DR|C|D)([A-Z])?(\d+,\d*)([NFS][A-Z0-9]{3})([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

function entryDate(valueDate: string, mmdd: string | undefined): string {
  if (!mmdd) return valueDate;
  let year = Number(valueDate.slice(0, 4));
  const valueMonth = Number(valueDate.slice(5, 7));
  const month = Number(mmdd.slice(0, 2));
  // booked in December for a January value date, or the other way round: the year turned in between
  if (valueMonth === 1 && month === 12) year -= 1;
  if (valueMonth === 12 && month === 1) year += 1;
  return swiftDate(`${String(year % 100).padStart(2, '0')}${mmdd}`);
}

/** :86: with German/Polish "?NN" sub-fields (GVC code first): purpose ?20–?29, payer ?32–?33, account ?31 / IBAN ?38. */
function details(text: string): Pick<ParsedLine, 'payerName' | 'payerAccount' | 'remittance'> {
  const joined = text.replace(/\n/g, '');
  if (!/^\s*\d{3}\?/.test(joined)) return { payerName: null, payerAccount: null, remittance: clean(text) };
  const sub = new Map<string, string>();
  for (const m of joined.matchAll(/\?(\d{2})([^?]*)/g)) sub.set(m[1]!, (sub.get(m[1]!) ?? '') + m[2]!);
  // sub-fields are lines of their own (joined by a space); a break inside one is the 65-character wrap (joined as is)
  const pick = (from: number, to: number) => clean(Array.from({ length: to - from + 1 }, (_, i) => sub.get(String(from + i)) ?? '').join(' '));
  return {
    remittance: pick(20, 29) ?? clean(sub.get('00')),
    payerName: pick(32, 33),
    payerAccount: clean(sub.get('38')) ?? clean([sub.get('30'), sub.get('31')].filter(Boolean).join('/')),
  };
}

export function parseMt940(text: string): ParsedStatement[] {
  const msgs = messages(text);
  if (msgs.length === 0) throw new StatementParseError('no MT940 statement found (expected :20:, :25:, :60F:, :62F: fields)');
  return msgs.map((fields) => {
    const get = (...tags: string[]) => fields.find((f) => tags.includes(f.tag));
    const account = get('25')?.value.trim();
    if (!account) throw new StatementParseError('statement without :25: account', `line ${fields[0]!.lineNo}`);
    const opening = get('60F', '60M');
    const closing = get('62F', '62M');
    const openingBalance = opening ? balance(opening) : null;
    const closingBalance = closing ? balance(closing) : null;
    const currency = openingBalance?.currency ?? closingBalance?.currency;
    if (!currency) throw new StatementParseError('statement without :60F: or :62F: balance', `line ${fields[0]!.lineNo}`);
    const lines: ParsedLine[] = [];
    fields.forEach((f, i) => {
      if (f.tag !== '61') return;
      const m = LINE.exec(f.value.trim());
      if (!m) throw new StatementParseError(':61: statement line not understood', `line ${f.lineNo}`);
      const valueOn = swiftDate(m[1]!);
      const mark = m[3]!;
      const next = fields[i + 1];
      const info = next?.tag === '86' ? details(next.value) : { payerName: null, payerAccount: null, remittance: null };
      const supplementary = clean(m[9]);
      const customerReference = clean(m[7]);
      lines.push({
        valueOn, bookedOn: entryDate(valueOn, m[2]), currency,
        direction: mark === 'C' || mark === 'CR' || mark === 'RD' ? 'credit' : 'debit',
        amount: commaDecimal(m[5]!),
        customerReference: customerReference === 'NONREF' ? null : customerReference,
        bankReference: clean(m[8]),
        ...info,
        remittance: info.remittance ?? supplementary,
      });
    });
    const num = get('28C', '28')?.value.trim() ?? null;
    const available = get('64');
    return { account, currency, reference: clean(get('20')?.value), number: num, opening: openingBalance, closing: closingBalance,
      available: available ? balance(available) : null, lines };
  });
}
