// The seam to 渝快办: everything the backend asks of it, and nothing else. The backend never reads 渝快办's data
// any other way; the HTTP adapter (http-gateway.ts) signs each call and carries the timeouts, bounded retries and
// the circuit breaker. In the demo the other side is the simulator (mock/ykb), over the same HTTP contract.

/** A real-name identity as 渝快办 vouches for it. */
export interface YkbPerson {
  /** 渝快办's stable id of the person */
  userId: string
  name: string
  idNumber: string
  mobile: string
}

/** The person's authorisation for this app, from their one-time code: what later catalogue queries carry. */
export interface YkbGrant {
  accessToken: string
  expiresAt: string
  userId: string
}

/** An e-licence from the catalogue (GB/T 36902 identifier, type code; the face fields of its type). */
export interface YkbLicence {
  identifier: string
  typeCode: string
  typeName: string
  licenceNumber: string
  holderName: string
  holderCode: string
  validFrom: string
  validTo: string | null
  status: 'current' | 'cancelled'
  face: Record<string, unknown>
}

/** A 亮证 use request: created from the code a holder shows, decided by the holder in 渝快办. */
export interface YkbShowTxn {
  txnId: string
  kind: string
  status: 'waiting' | 'approved' | 'refused' | 'expired'
  expiresAt: string
}

/** A business as the market registration (市场主体登记) records it, with its legal representative's 渝快办 id. */
export interface YkbBusiness {
  creditCode: string
  name: string
  registeredOn: string
  address: string
  representativeUserId: string
}

export type CircuitState = 'closed' | 'open' | 'half-open'

export interface YkbGateway {
  /** code → grant (the code is spent: never retried) */
  exchangeCode(code: string): Promise<YkbGrant>
  /** grant → the person's real-name identity */
  person(accessToken: string): Promise<YkbPerson>
  /** the holder's licences of these types, with the holder's grant and the stated 用证事由 */
  licencesOfHolder(q: { accessToken: string; holderIdNumber: string; typeCodes: string[]; useCause: string }): Promise<YkbLicence[]>
  /** the property certificate a paper certificate's QR names (whoever holds the paper may use it) */
  licenceByCertificate(q: { unitNo: string; certNo: string; useCause: string }): Promise<YkbLicence | null>
  /** the licence's file (PDF), with the holder's grant */
  licenceFile(q: { accessToken: string; identifier: string }): Promise<{ mime: string; bytes: Buffer }>
  /** a 亮证 use request from a scanned code (creates: never retried) */
  createShowTxn(q: { showCode: string; useCause: string; requester: string }): Promise<YkbShowTxn>
  pollShowTxn(txnId: string): Promise<YkbShowTxn>
  /** the licence an approved request gives */
  showTxnLicence(txnId: string): Promise<YkbLicence>
  /** the market registration of a credit code (public register data: no user grant), or null when none */
  marketRegistration(creditCode: string): Promise<YkbBusiness | null>
  circuit(): CircuitState
}

/** 渝快办 answered, and said no: a refusal with its code (e.g. CODE_INVALID, TOKEN_INVALID, QR_EXPIRED). */
export class YkbRefusal extends Error {
  constructor(readonly code: string, message: string, readonly status: number) {
    super(message)
    this.name = 'YkbRefusal'
  }
}

/** 渝快办 could not be used: too slow, unreachable, failing, refusing our signature, or the circuit is open. */
export class YkbUnavailable extends Error {
  constructor(readonly reason: 'timeout' | 'network' | 'server-error' | 'signature' | 'bad-answer' | 'circuit-open', message: string) {
    super(message)
    this.name = 'YkbUnavailable'
  }
}
