/**
 * Schema migrations, applied in order; PRAGMA user_version holds how many have run.
 * Never edit a migration that has shipped: add a new one.
 */
export const MIGRATIONS: string[] = [
  // 1: identities known to the 渝快办 mock, their e-licences, staff accounts
  `
  CREATE TABLE ykb_identity (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    id_number TEXT NOT NULL UNIQUE,
    mobile TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE e_licence (
    identifier TEXT PRIMARY KEY,
    type_code TEXT NOT NULL,
    type_name TEXT NOT NULL,
    licence_number TEXT NOT NULL,
    holder_name TEXT NOT NULL,
    holder_code TEXT NOT NULL,
    holder_code_type TEXT NOT NULL DEFAULT '111',
    issuer_name TEXT NOT NULL,
    issuer_code TEXT NOT NULL,
    issue_date TEXT NOT NULL,
    valid_from TEXT NOT NULL,
    valid_to TEXT,
    area_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('current', 'cancelled')),
    face_json TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX e_licence_holder ON e_licence (holder_code, type_code);
  CREATE TABLE staff_account (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin')),
    supplier TEXT,
    password_hash TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  `,
  // 2: applicants, sessions, consent, materials (e-licence uses and photos), uploads, scans, drafts, applications
  `
  CREATE TABLE app_user (
    id TEXT PRIMARY KEY,
    wx_openid TEXT UNIQUE,
    ykb_identity_id TEXT UNIQUE REFERENCES ykb_identity (id),
    consent_version TEXT,
    consent_at TEXT,
    created_at TEXT NOT NULL
  );
  CREATE TABLE session (
    token_hash TEXT PRIMARY KEY,
    refresh_hash TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('applicant', 'staff')),
    subject_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    refresh_expires_at TEXT NOT NULL,
    revoked_at TEXT
  );
  CREATE INDEX session_subject ON session (kind, subject_id);
  CREATE TABLE oauth_code (
    code_hash TEXT PRIMARY KEY,
    identity_id TEXT NOT NULL REFERENCES ykb_identity (id),
    scopes TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE TABLE upload (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES app_user (id),
    mime TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE material (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES app_user (id),
    kind TEXT NOT NULL CHECK (kind IN ('id-card', 'property')),
    source TEXT NOT NULL CHECK (source IN ('authorised', 'scanned', 'paper-qr', 'photo')),
    licence_identifier TEXT REFERENCES e_licence (identifier),
    upload_ids TEXT NOT NULL DEFAULT '[]',
    status TEXT NOT NULL CHECK (status IN ('current', 'cancelled', 'expired', 'unverified')),
    needs_review INTEGER NOT NULL DEFAULT 0,
    data_json TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE licence_access_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id TEXT NOT NULL,
    licence_identifier TEXT NOT NULL,
    channel TEXT NOT NULL,
    use_cause TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TABLE show_code (
    token TEXT PRIMARY KEY,
    identity_id TEXT NOT NULL REFERENCES ykb_identity (id),
    kind TEXT NOT NULL CHECK (kind IN ('id-card', 'property')),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE TABLE scan_txn (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES app_user (id),
    identity_id TEXT NOT NULL REFERENCES ykb_identity (id),
    kind TEXT NOT NULL,
    status INTEGER NOT NULL CHECK (status IN (1, 2, 3)),
    material_id TEXT REFERENCES material (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    decided_at TEXT
  );
  CREATE TABLE draft (
    id TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES app_user (id),
    answers_json TEXT NOT NULL,
    page TEXT NOT NULL,
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    submitted_number TEXT
  );
  CREATE INDEX draft_owner ON draft (owner_id, submitted_number);
  CREATE TABLE application (
    number TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES app_user (id),
    draft_id TEXT NOT NULL UNIQUE REFERENCES draft (id),
    service TEXT NOT NULL,
    supplier TEXT NOT NULL,
    township_code TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    signature_json TEXT,
    submitted_at TEXT NOT NULL,
    expected_by TEXT NOT NULL,
    expected_by_estimated INTEGER NOT NULL,
    receipt_json TEXT NOT NULL
  );
  CREATE INDEX application_owner ON application (owner_id, submitted_at);
  CREATE TABLE idempotency (
    owner_id TEXT NOT NULL,
    key TEXT NOT NULL,
    request_hash TEXT NOT NULL,
    application_number TEXT NOT NULL REFERENCES application (number),
    created_at TEXT NOT NULL,
    PRIMARY KEY (owner_id, key)
  );
  -- The stage history is append-only: no update, no delete, ever. A correction is a new event.
  CREATE TABLE application_event (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_number TEXT NOT NULL REFERENCES application (number),
    type TEXT NOT NULL,
    stage TEXT,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    payload_json TEXT NOT NULL DEFAULT '{}',
    corrects_id INTEGER REFERENCES application_event (id)
  );
  CREATE INDEX application_event_number ON application_event (application_number, id);
  CREATE TRIGGER application_event_no_update BEFORE UPDATE ON application_event
    BEGIN SELECT RAISE(ABORT, 'application_event is append-only'); END;
  CREATE TRIGGER application_event_no_delete BEFORE DELETE ON application_event
    BEGIN SELECT RAISE(ABORT, 'application_event is append-only'); END;
  `,
  // 3: progress tracking: supply-enterprise push clients, lookups without sign-in, notifications, ratings, files
  `
  CREATE TABLE push_client (
    app_key TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    supplier TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
  );
  CREATE TABLE push_nonce (
    app_key TEXT NOT NULL REFERENCES push_client (app_key),
    nonce TEXT NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (app_key, nonce)
  );
  CREATE INDEX push_nonce_seen ON push_nonce (seen_at);
  CREATE TABLE push_record (
    record_id TEXT PRIMARY KEY,
    app_key TEXT NOT NULL REFERENCES push_client (app_key),
    application_number TEXT NOT NULL REFERENCES application (number),
    event_id INTEGER NOT NULL REFERENCES application_event (id),
    created_at TEXT NOT NULL
  );
  CREATE TABLE lookup_code (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    number TEXT NOT NULL,
    mobile_hash TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    used_at TEXT
  );
  CREATE INDEX lookup_code_number ON lookup_code (number, mobile_hash, id);
  CREATE TABLE lookup_token (
    token_hash TEXT PRIMARY KEY,
    number TEXT NOT NULL REFERENCES application (number),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  -- What would be sent (WeChat subscribe message or SMS) and when; the mock sends nothing.
  CREATE TABLE notification (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_number TEXT NOT NULL REFERENCES application (number),
    kind TEXT NOT NULL CHECK (kind IN ('wechat-subscribe', 'sms')),
    template TEXT NOT NULL,
    created_at TEXT NOT NULL,
    payload_json TEXT NOT NULL
  );
  CREATE INDEX notification_number ON notification (application_number, id);
  CREATE TABLE subscription (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_number TEXT NOT NULL REFERENCES application (number),
    owner_id TEXT NOT NULL REFERENCES app_user (id),
    template_id TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE INDEX subscription_number ON subscription (application_number, used_at);
  CREATE TABLE rating (
    application_number TEXT NOT NULL UNIQUE REFERENCES application (number),
    owner_id TEXT NOT NULL REFERENCES app_user (id),
    grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 5),
    indicators_json TEXT NOT NULL,
    comment TEXT,
    rated_at TEXT NOT NULL
  );
  CREATE TABLE rating_follow_up (
    application_number TEXT NOT NULL UNIQUE REFERENCES rating (application_number),
    grade INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    deadline TEXT NOT NULL,
    deadline_estimated INTEGER NOT NULL,
    closed_at TEXT
  );
  CREATE TABLE supplement_file (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_number TEXT NOT NULL REFERENCES application (number),
    event_id INTEGER NOT NULL REFERENCES application_event (id),
    upload_id TEXT REFERENCES upload (id),
    material_id TEXT REFERENCES material (id),
    CHECK ((upload_id IS NULL) <> (material_id IS NULL))
  );
  CREATE TABLE checkpoint_file (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_number TEXT NOT NULL REFERENCES application (number),
    event_id INTEGER NOT NULL REFERENCES application_event (id),
    stage TEXT NOT NULL,
    material_code TEXT NOT NULL,
    upload_id TEXT NOT NULL REFERENCES upload (id)
  );
  `,
  // 4: staff work: sign-in lockout, internal notes, the personal-data access log (PIPL Art. 51), and one row
  // per case with what the staff search and the monthly statistics read (kept up to date by appendEvents)
  `
  ALTER TABLE staff_account ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE staff_account ADD COLUMN locked_until TEXT;
  CREATE TABLE staff_note (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    application_number TEXT NOT NULL REFERENCES application (number),
    author TEXT NOT NULL REFERENCES staff_account (username),
    text TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX staff_note_number ON staff_note (application_number, id);
  CREATE TRIGGER staff_note_no_update BEFORE UPDATE ON staff_note
    BEGIN SELECT RAISE(ABORT, 'staff_note is append-only'); END;
  CREATE TRIGGER staff_note_no_delete BEFORE DELETE ON staff_note
    BEGIN SELECT RAISE(ABORT, 'staff_note is append-only'); END;
  -- Who read which applicant's personal data, and when; never the value itself.
  CREATE TABLE staff_access_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    staff TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    detail TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE TRIGGER staff_access_log_no_update BEFORE UPDATE ON staff_access_log
    BEGIN SELECT RAISE(ABORT, 'staff_access_log is append-only'); END;
  CREATE TRIGGER staff_access_log_no_delete BEFORE DELETE ON staff_access_log
    BEGIN SELECT RAISE(ABORT, 'staff_access_log is append-only'); END;
  -- Derived, rebuilt from the application and its events at any time (mock/staff/case-index.ts).
  -- ID number and mobile only as hashes; clock figures as of the last event (see src/core/stats/case-figures.ts).
  CREATE TABLE application_search (
    number TEXT PRIMARY KEY REFERENCES application (number),
    supplier TEXT NOT NULL,
    service TEXT NOT NULL,
    township_code TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    submitted_day TEXT NOT NULL,
    applicant_name TEXT NOT NULL,
    name_masked TEXT NOT NULL,
    business_name TEXT,
    business_key TEXT,
    mobile_hash TEXT,
    mobile_masked TEXT NOT NULL,
    id_hash TEXT,
    credit_code TEXT,
    closed_type TEXT,
    closed_at TEXT,
    paused INTEGER NOT NULL,
    current_stage TEXT,
    limit_days INTEGER NOT NULL,
    used_days INTEGER NOT NULL,
    paused_days INTEGER NOT NULL,
    anchor_at TEXT NOT NULL,
    expected_by TEXT NOT NULL,
    due_index INTEGER,
    overdue_since TEXT,
    stages_json TEXT NOT NULL,
    last_event_id INTEGER NOT NULL
  );
  CREATE INDEX application_search_recent ON application_search (supplier, submitted_at);
  CREATE INDEX application_search_open ON application_search (supplier, submitted_at) WHERE closed_type IS NULL;
  CREATE INDEX application_search_mobile ON application_search (mobile_hash);
  CREATE INDEX application_search_id ON application_search (id_hash);
  CREATE INDEX application_search_credit ON application_search (credit_code);
  CREATE INDEX application_search_name ON application_search (applicant_name);
  CREATE INDEX application_search_business ON application_search (business_name);
  CREATE INDEX application_search_business_key ON application_search (business_key);
  CREATE INDEX application_search_closed ON application_search (closed_at);
  CREATE INDEX rating_by_month ON rating (rated_at);
  `,
  // 5: one case's files are read by its number (the detail's materials, staff's case files): index them so a read
  // no longer scans every case's rows
  `
  CREATE INDEX supplement_file_number ON supplement_file (application_number, id);
  CREATE INDEX checkpoint_file_number ON checkpoint_file (application_number, id);
  `,
  // 6: a 差评 follow-up is closed by a member of staff, with what the call found
  `
  ALTER TABLE rating_follow_up ADD COLUMN closed_by TEXT;
  ALTER TABLE rating_follow_up ADD COLUMN close_note TEXT;
  `,
  // 7: a push record id is the enterprise's own: the same id from two enterprises is two records (one enterprise can
  // no longer take an id and make the other's batch fail)
  `
  CREATE TABLE push_record_scoped (
    app_key TEXT NOT NULL REFERENCES push_client (app_key),
    record_id TEXT NOT NULL,
    application_number TEXT NOT NULL REFERENCES application (number),
    event_id INTEGER NOT NULL REFERENCES application_event (id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (app_key, record_id)
  );
  INSERT INTO push_record_scoped (app_key, record_id, application_number, event_id, created_at)
    SELECT app_key, record_id, application_number, event_id, created_at FROM push_record;
  DROP TABLE push_record;
  ALTER TABLE push_record_scoped RENAME TO push_record;
  `,
  // 8: the sessions rotated from one sign-in form a family, revoked together when a refresh token is reused
  `
  ALTER TABLE session ADD COLUMN family_id TEXT;
  UPDATE session SET family_id = token_hash;
  CREATE INDEX session_family ON session (family_id);
  `,
  // 9: what each user and each client IP uploaded in the last day (daily quotas); kept when the files are swept
  `
  CREATE TABLE upload_ledger (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id TEXT NOT NULL,
    client_ip TEXT NOT NULL,
    size INTEGER NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX upload_ledger_owner ON upload_ledger (owner_id, at);
  CREATE INDEX upload_ledger_ip ON upload_ledger (client_ip, at);
  `,
  // 10: WeChat login codes already exchanged (hashes): a code signs in once, like jscode2session's
  `
  CREATE TABLE wechat_code (
    code_hash TEXT PRIMARY KEY,
    used_at TEXT NOT NULL
  );
  `,
  // 11: failed staff sign-ins per (account, client address), with each pair's back-off; replaces the per-account
  // count in staff_account (its columns stay, unused)
  `
  CREATE TABLE staff_lockout (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    username TEXT NOT NULL,
    client_ip TEXT NOT NULL,
    failures INTEGER NOT NULL,
    locks INTEGER NOT NULL,
    locked_until TEXT,
    last_failure_at TEXT NOT NULL,
    UNIQUE (username, client_ip)
  );
  `,
  // 12: the monthly dashboard counts applicants' disputes of a pause or 补正 without reading every event
  `
  CREATE INDEX application_event_disputed ON application_event (at) WHERE type = 'disputed';
  `,
  // 13: dispatch to the utilities (水电气讯): each provider's signing key, and the durable outbox written in the same
  // transaction as the submission; the dispatcher delivers each row until the utility acknowledges it
  `
  CREATE TABLE utility_client (
    provider TEXT PRIMARY KEY,
    key_id TEXT NOT NULL UNIQUE,
    secret TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE TABLE utility_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    provider TEXT NOT NULL,
    dispatch_id TEXT NOT NULL UNIQUE,
    case_number TEXT NOT NULL,
    payload_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'refused')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    delivered_at TEXT,
    utility_ref TEXT,
    last_status INTEGER,
    last_error TEXT
  );
  CREATE INDEX utility_outbox_due ON utility_outbox (next_attempt_at) WHERE state = 'pending';
  CREATE INDEX utility_outbox_case ON utility_outbox (case_number);
  `,
  // 14: SMS through a sender (mock/sms): each message waits here, written in the same transaction as what caused it,
  // until the SMS gateway takes it (the demo's outbox takes it at once). Once sent, the full mobile and any code in
  // the text are scrubbed.
  `
  CREATE TABLE sms_outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL UNIQUE,
    application_number TEXT,
    template TEXT NOT NULL,
    to_mobile TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    sent_at TEXT,
    last_error TEXT
  );
  CREATE INDEX sms_outbox_due ON sms_outbox (next_attempt_at) WHERE state = 'pending';
  `,
  // 15: the supply settings (township → enterprise, per-stage limits) each case was submitted under; NULL: before
  // settings were recorded (the bundled defaults)
  `
  CREATE TABLE supply_settings (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    hash TEXT NOT NULL UNIQUE,
    settings_json TEXT NOT NULL,
    first_used_at TEXT NOT NULL
  );
  ALTER TABLE application ADD COLUMN settings_id INTEGER REFERENCES supply_settings (id);
  `,
  // 16: the search row keeps the used days past which a case is late (a 10 kV case's 28 are an average: the
  // per-case ceiling); every row is re-indexed at the next start (indexMissingCases) to fill it and its overdue dates
  `
  ALTER TABLE application_search ADD COLUMN ceiling_days INTEGER NOT NULL DEFAULT 0;
  UPDATE application_search SET last_event_id = 0;
  `,
  // 17: 渝快办 at arm's length (mock/ykb-gateway): the backend keeps its own copy of each identity 渝快办 vouched for
  // (ykb_identity, no longer seeded) and the user's grant for catalogue queries; a 亮证 request refers to 渝快办's
  // transaction, whose holder we learn only when they approve (scan_txn rebuilt without the holder); one-time codes
  // and 亮证 codes are 渝快办's, kept in its store, not ours. Requests still waiting from before cannot be decided any
  // more: they end refused.
  `
  CREATE TABLE ykb_grant (
    user_id TEXT PRIMARY KEY REFERENCES app_user (id),
    access_token TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    granted_at TEXT NOT NULL
  );
  CREATE TABLE scan_txn_17 (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES app_user (id),
    ykb_txn_id TEXT,
    kind TEXT NOT NULL,
    status INTEGER NOT NULL CHECK (status IN (1, 2, 3)),
    material_id TEXT REFERENCES material (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    decided_at TEXT
  );
  INSERT INTO scan_txn_17 (id, user_id, ykb_txn_id, kind, status, material_id, created_at, expires_at, decided_at)
    SELECT id, user_id, NULL, kind, CASE status WHEN 1 THEN 3 ELSE status END, material_id, created_at, expires_at, COALESCE(decided_at, created_at)
    FROM scan_txn;
  DROP TABLE scan_txn;
  ALTER TABLE scan_txn_17 RENAME TO scan_txn;
  DROP TABLE oauth_code;
  DROP TABLE show_code;
  `,
  // 18: the district's staff role (区经信委: oversight only); SQLite cannot widen a CHECK, so the table is rebuilt
  // (migrations run with foreign keys off and are checked before they commit)
  `
  CREATE TABLE staff_account_new (
    username TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'admin', 'district')),
    supplier TEXT,
    password_hash TEXT NOT NULL,
    demo INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT
  );
  INSERT INTO staff_account_new (username, display_name, role, supplier, password_hash, demo, created_at, failed_logins, locked_until)
    SELECT username, display_name, role, supplier, password_hash, demo, created_at, failed_logins, locked_until FROM staff_account;
  DROP TABLE staff_account;
  ALTER TABLE staff_account_new RENAME TO staff_account;
  `,
  // 19: the search row keeps whether staff recorded that the case needs external line works (1/0, NULL: not yet),
  // for reading the month against the national target; every row is re-indexed at the next start to fill it
  `
  ALTER TABLE application_search ADD COLUMN external_works INTEGER;
  UPDATE application_search SET last_event_id = 0;
  `,
  // 20: 按月报送: each enterprise's monthly report, frozen when submitted (its figures and their SHA-256 digest)
  `
  CREATE TABLE monthly_report (
    supplier TEXT NOT NULL,
    month TEXT NOT NULL,
    submitted_at TEXT NOT NULL,
    submitted_by TEXT NOT NULL REFERENCES staff_account (username),
    figures_json TEXT NOT NULL,
    digest TEXT NOT NULL,
    PRIMARY KEY (supplier, month)
  );
  CREATE TRIGGER monthly_report_no_update BEFORE UPDATE ON monthly_report
    BEGIN SELECT RAISE(ABORT, 'monthly_report is frozen'); END;
  CREATE TRIGGER monthly_report_no_delete BEFORE DELETE ON monthly_report
    BEGIN SELECT RAISE(ABORT, 'monthly_report is frozen'); END;
  `,
  // 21: one application for several utilities (一件事): its number, which applications belong to it, and each
  // recipient's consent decision (个人信息保护法 Art. 23), kept as given: what, to whom, why, when
  `
  CREATE TABLE joint_application (
    number TEXT PRIMARY KEY,
    owner_id TEXT NOT NULL REFERENCES app_user (id),
    created_at TEXT NOT NULL
  );
  CREATE INDEX joint_application_owner ON joint_application (owner_id);
  ALTER TABLE application ADD COLUMN joint_number TEXT REFERENCES joint_application (number);
  CREATE INDEX application_joint ON application (joint_number) WHERE joint_number IS NOT NULL;
  CREATE TABLE joint_consent (
    joint_number TEXT NOT NULL REFERENCES joint_application (number),
    service TEXT NOT NULL,
    provider TEXT NOT NULL,
    decision TEXT NOT NULL CHECK (decision IN ('given', 'refused')),
    purpose TEXT NOT NULL,
    data_items TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (joint_number, service)
  );
  `,
  // 22: 主动服务 leads: a business or approved project a supply enterprise's staff registered, its owner (渝快办 id, from
  // the market registration) invited to apply; the outcome (accepted with the application made, or declined)
  `
  CREATE TABLE lead (
    id TEXT PRIMARY KEY,
    supplier TEXT NOT NULL,
    kind TEXT NOT NULL,
    credit_code TEXT NOT NULL,
    business_name TEXT NOT NULL,
    project_approval TEXT,
    owner_ykb_id TEXT NOT NULL,
    township_code TEXT NOT NULL,
    address_detail TEXT NOT NULL,
    capacity_kw REAL NOT NULL,
    use TEXT NOT NULL,
    registered_by TEXT NOT NULL REFERENCES staff_account (username),
    registered_at TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('invited', 'accepted', 'declined')),
    decided_at TEXT,
    decline_reason TEXT,
    application_number TEXT REFERENCES application (number)
  );
  CREATE INDEX lead_owner ON lead (owner_ykb_id, state);
  CREATE INDEX lead_supplier ON lead (supplier, registered_at);
  CREATE INDEX lead_decided ON lead (decided_at) WHERE decided_at IS NOT NULL;
  CREATE UNIQUE INDEX lead_waiting ON lead (credit_code) WHERE state = 'invited';
  `,
  // 23: complaints made in the app, tracked like a case: every step (received, answered, closed) is an event of an
  // append-only log, never changed or deleted; each step happens at most once per complaint
  `
  CREATE TABLE complaint_event (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    complaint_id TEXT NOT NULL,
    application_number TEXT NOT NULL REFERENCES application (number),
    type TEXT NOT NULL CHECK (type IN ('received', 'answered', 'closed')),
    actor TEXT NOT NULL,
    text TEXT,
    answer_due TEXT,
    answer_due_estimated INTEGER NOT NULL DEFAULT 0,
    at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX complaint_event_once ON complaint_event (complaint_id, type);
  CREATE INDEX complaint_event_number ON complaint_event (application_number, id);
  CREATE INDEX complaint_event_received ON complaint_event (type, at);
  CREATE TRIGGER complaint_event_no_update BEFORE UPDATE ON complaint_event
    BEGIN SELECT RAISE(ABORT, 'complaint_event is append-only'); END;
  CREATE TRIGGER complaint_event_no_delete BEFORE DELETE ON complaint_event
    BEGIN SELECT RAISE(ABORT, 'complaint_event is append-only'); END;
  `,
  // 24: what the public page publishes beside the times (issue 13): whether each application's identity and property
  // materials all came from 渝快办 e-licences (digital take-up; filled for the rows already indexed), and a ledger of
  // applications started: a draft is counted once it names its address (so its enterprise is known), never removed
  // (a discarded draft stays counted as started)
  `
  ALTER TABLE application_search ADD COLUMN e_licences INTEGER;
  UPDATE application_search SET e_licences = (
    SELECT NOT EXISTS (SELECT 1 FROM material m WHERE m.source = 'photo'
      AND m.id IN (SELECT json_extract(value, '$.materialId') FROM json_each(a.answers_json, '$.materials') WHERE type = 'object'))
    FROM application a WHERE a.number = application_search.number);
  CREATE TABLE draft_start (
    draft_id TEXT PRIMARY KEY,
    supplier TEXT NOT NULL,
    started_at TEXT NOT NULL
  );
  CREATE INDEX draft_start_month ON draft_start (supplier, started_at);
  CREATE TRIGGER draft_start_no_update BEFORE UPDATE ON draft_start
    BEGIN SELECT RAISE(ABORT, 'draft_start is append-only'); END;
  CREATE TRIGGER draft_start_no_delete BEFORE DELETE ON draft_start
    BEGIN SELECT RAISE(ABORT, 'draft_start is append-only'); END;
  `,
  // 25: the take-up figures (mock/oversight/take-up.ts) read each month's starts and whether each was submitted by
  // then: both from indexes alone, without touching the (large) application rows; at 1M applications the 12-month
  // trend read every started draft's application row and took 1.2 s
  `
  CREATE INDEX draft_start_month_ids ON draft_start (supplier, started_at, draft_id);
  DROP INDEX draft_start_month;
  CREATE INDEX application_draft_submitted ON application (draft_id, submitted_at);
  `,
  // 26: 小微企业认定 (issue 13): the checks owed to the national 小微企业名录, one per case, written in the submission's
  // transaction and settled when the answer is recorded as the case's small-micro-checked event (mock/sme-registry)
  `
  CREATE TABLE small_micro_check (
    application_number TEXT PRIMARY KEY REFERENCES application (number),
    credit_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'owed' CHECK (state IN ('owed', 'recorded')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL,
    last_error TEXT,
    recorded_at TEXT
  );
  CREATE INDEX small_micro_check_due ON small_micro_check (next_attempt_at) WHERE state = 'owed';
  `,
]
