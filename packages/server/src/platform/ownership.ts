// Table ownership (docs/ARCHITECTURE.md, "Who owns which table"): every table the migrations create has one owning
// area, declared in that area's tables.ts. Only the owner writes its tables; another area reads one directly only
// when the owner lists it below as a reader (read-only SQL, e.g. a report joining receivables), otherwise it calls
// the owner's published functions. packages/server/test/ownership.test.ts checks the SQL against these declarations.

/** An area of the server: the platform, a domain or a flow. */
export type Area = 'platform' | `domains/${string}` | `flows/${string}`;

/** One owned table: the other areas that may read it directly, each with how and why (shown in the docs). */
export interface TableDeclaration {
  readers?: Partial<Record<Area, string>>;
}

/** An area's tables.ts exports `ownedTables`: table name → declaration. */
export type OwnedTables = Record<string, TableDeclaration>;
