import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/**
 * The database, portable between SQLite and PostgreSQL (STYLE.md, after atproto's PDS): text ids,
 * ISO-8601 text timestamps and dates, JSON as text, money as whole pence. Return values are stored
 * a row per field per revision (DESIGN.md section 5, after DHIS2), so aggregation is one GROUP BY
 * and every revision keeps its full set of values.
 */
export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  user_organisations: UserOrganisationTable;
  invitations: InvitationTable;
  sessions: SessionTable;
  sign_in_failures: SignInFailureTable;
  reporting_windows: ReportingWindowTable;
  window_extensions: WindowExtensionTable;
  returns: ReturnTable;
  return_revisions: ReturnRevisionTable;
  return_values: ReturnValueTable;
  audit_log: AuditLogTable;
  action_plans: ActionPlanTable;
  action_reviews: ActionReviewTable;
  cases: CaseTable;
  case_imports: CaseImportTable;
  case_mappings: CaseMappingTable;
  case_settings: CaseSettingsTable;
  case_uploads: CaseUploadTable;
  case_upload_chunks: CaseUploadChunkTable;
  jobs: JobTable;
  password_resets: PasswordResetTable;
  notification_opt_outs: NotificationOptOutTable;
}

export interface OrganisationTable {
  code: string;
  name: string;
  kind: "department" | "body";
  body_type: string;
  parent_code: string | null;
  region: string;
  active_from: string;
  active_to: string | null;
  /** JSON array of { code, label }. */
  service_areas: string;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  /** Lower-cased. */
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  organisation_code: string;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token, so a copy of the table cannot be replayed. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface SignInFailureTable {
  id: Generated<number>;
  /** Lower-cased email address tried. */
  email: string;
  /** Where the attempt came from ("" for rows from before addresses were recorded). */
  client_address: ColumnType<string, string | undefined, string>;
  at: string;
}

export interface ReportingWindowTable {
  department_code: string;
  period: string;
  /** Null: the default, 20 working days after quarter end in each body's nation. */
  due_date: string | null;
  opened_at: string;
  opened_by: string;
  closed_at: string | null;
}

/** One body's later due date for a quarter, given by its department's administrator with a reason. */
export interface WindowExtensionTable {
  department_code: string;
  period: string;
  organisation_code: string;
  due_date: string;
  reason: string;
  extended_at: string;
  /** User id ("cli" for the command line). */
  extended_by: string;
}

export interface ReturnTable {
  id: string;
  organisation_code: string;
  /** `2025-26 Q1`. */
  period: string;
  /** Sequential quarter number (startYear × 4 + quarter − 1), for ranges and ordering. */
  period_index: number;
  current_revision: number;
  /**
   * When the return reached the department: its first approval by the body's senior accountable
   * officer. Timeliness is computed from this real time, never from a button. Null for history
   * loaded from files, where it was not recorded.
   */
  received_at: string | null;
  /** The due date that applied when the return was received (YYYY-MM-DD), so later changes to the window do not re-rate it. */
  due_date_at_receipt: string | null;
  created_at: string;
}

export interface ReturnRevisionTable {
  /** Integer key, used by return_values. */
  seq: Generated<number>;
  id: string;
  return_id: string;
  revision: number;
  template_version: number;
  status: "draft" | "submitted" | "approved" | "accepted" | "returned";
  /** Optimistic concurrency: every write increments it; a write based on an older one is refused. */
  version: number;
  /** JSON object: warning id → explanation. */
  explanations: string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
  submitted_at: string | null;
  submitted_by: string | null;
  approved_at: string | null;
  approved_by: string | null;
  decided_at: string | null;
  decided_by: string | null;
  return_reason: string | null;
  reopen_reason: string | null;
  /** The case import its figures were computed from (case_imports.id), if any. */
  case_import_id: string | null;
}

export interface ReturnValueTable {
  revision_seq: number;
  field_id: string;
  num_value: number | null;
  text_value: string | null;
  /** `[x]` or `[z]`. */
  marker: string | null;
  note: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_user_id: string | null;
  /** Email of the person, or the process ("import", "seed"). */
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  organisation_code: string | null;
  /** JSON array of { field, old, new }. */
  changes: string;
  reason: string | null;
}

/** A learning action plan (DESIGN.md section 2). Its status is derived from its dates, never stored. */
export interface ActionPlanTable {
  id: string;
  organisation_code: string;
  failing: string;
  /** JSON array of pseudonymised complaint references. */
  source_complaints: string;
  action: string;
  /** `individual` or `service`. */
  kind: string;
  owner: string;
  start_date: string;
  due_date: string;
  standards: string;
  /** JSON array of involvement choices. */
  involvement: string;
  involvement_note: string;
  kept_informed: string;
  monitoring: string;
  impact_measure: string;
  impact_baseline: string;
  impact_target: string;
  impact_result: string;
  /** JSON array of the template's theme codes. */
  themes: string;
  /** 0 or 1. */
  publishable: number;
  public_summary: string;
  completed_date: string | null;
  verified_by: string | null;
  verified_date: string | null;
  verification_note: string | null;
  /** The body's senior accountable officer who approved the "you said, we did" summary for publication (user id, and their name as shown then), and when; null until approved, and again once edited or withdrawn. */
  publication_approved_by: string | null;
  publication_approved_by_name: string | null;
  publication_approved_at: string | null;
  /** Optimistic concurrency: every write increments it; a write based on an older one is refused. */
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface ActionReviewTable {
  id: string;
  action_id: string;
  review_date: string;
  note: string;
  /** User id, and the name shown, of whoever recorded it. */
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

export type OrganisationRow = Selectable<OrganisationTable>;
export type NewOrganisationRow = Insertable<OrganisationTable>;
export type UserRow = Selectable<UserTable>;
export type ReturnRow = Selectable<ReturnTable>;
export type ReturnRevisionRow = Selectable<ReturnRevisionTable>;
export type ReturnRevisionUpdate = Updateable<ReturnRevisionTable>;
export type ReturnValueRow = Selectable<ReturnValueTable>;
export type AuditLogRow = Selectable<AuditLogTable>;
export type ActionPlanRow = Selectable<ActionPlanTable>;
export type ActionReviewRow = Selectable<ActionReviewTable>;
export type Count = ColumnType<number | string | bigint, never, never>;

/** A person invited by email to a role for an organisation; the account is made when they accept. */
export interface InvitationTable {
  /** SHA-256 of the link's token. */
  token_hash: string;
  /** Lower-cased. */
  email: string;
  role: string;
  organisation_code: string;
  /** Who invited them (the audit log's actor: an email, or "cli"). */
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  /** The account the invitation made or added the role to. */
  user_id: string | null;
}

/** Other bodies a body's user acts for, besides their own organisation (`users.organisation_code`). */
export interface UserOrganisationTable {
  user_id: string;
  organisation_code: string;
  granted_at: string;
}

/**
 * One complaint from a body's case file. Only the pseudonymised reference and coded
 * fields, never anything that could name a person (data protection). Dates `YYYY-MM-DD`.
 */
export interface CaseTable {
  organisation_code: string;
  case_ref: string;
  received_date: string;
  acknowledged_date: string | null;
  /** `early_resolution` or `closer_look`. */
  stage: string;
  escalated_date: string | null;
  closed_date: string | null;
  withdrawn_date: string | null;
  target_date: string | null;
  outcome: string | null;
  /** Theme codes joined by `;` ("" for none). */
  themes: string;
  service_area: string | null;
  channel: string | null;
  /** Remedy codes joined by `;` ("" for none). */
  remedies: string;
  payment_pence: number | null;
  payment_type: string | null;
  phso_referred_date: string | null;
  /** The import that stored it (case_imports.id): each import's cases are a set of their own. */
  import_id: string;
}

export interface CaseImportTable {
  id: string;
  organisation_code: string;
  /** User id ("cli" for the command line). */
  imported_by: string;
  imported_at: string;
  file_name: string;
  rows: number;
  encoding: string | null;
  /** 1 for the body's current import (whose cases are its stored cases), 0 for those it replaced. */
  current: Generated<number>;
  /** The timescales its cases were measured against (null for imports made before they were recorded). */
  early_resolution_days: number | null;
  closer_look_days: number | null;
}

export interface CaseMappingTable {
  organisation_code: string;
  name: string;
  /** JSON of the domain's CaseMapping. */
  definition: string;
  updated_at: string;
  updated_by: string;
}

/** A body's default timescales; no row means the defaults (domain `defaultCaseTimescales`). */
export interface CaseSettingsTable {
  organisation_code: string;
  early_resolution_days: number;
  closer_look_days: number;
  updated_at: string;
  updated_by: string;
}

/** A case file being uploaded from the browser in chunks. */
export interface CaseUploadTable {
  id: string;
  organisation_code: string;
  user_id: string;
  file_name: string;
  /** Declared size in bytes. */
  size: number;
  created_at: string;
  /** The quarter it was started for (`2025-26 Q1`), or null. */
  period: string | null;
  /** When the request now finishing it began; null when no finish is running. */
  finishing_since: string | null;
  /** When its cases were stored or the file was refused (its chunks are gone then). */
  finished_at: string | null;
  /** JSON of the import's result, once its cases are stored; null otherwise. */
  result: string | null;
}

export interface CaseUploadChunkTable {
  upload_id: string;
  /** 0, 1, 2, … in file order. */
  seq: number;
  /** Base64 of the chunk's bytes. */
  data: string;
}

export type CaseDbRow = Selectable<CaseTable>;
export type CaseImportRow = Selectable<CaseImportTable>;

/** Work done after the request that asked for it (queries/jobs.ts). */
export interface JobTable {
  id: string;
  /** What to do, e.g. `email`. */
  kind: string;
  /** Unique: the same piece of work (who, what, which return or action, which day) is enqueued once. */
  idempotency_key: string;
  /** JSON; emptied once the job is done (it may hold a one-time link). */
  payload: string;
  status: "pending" | "running" | "done" | "failed";
  attempts: number;
  max_attempts: number;
  next_attempt_at: string;
  /** While running: when the claim lapses, so a job whose runner died is tried again. */
  locked_until: string | null;
  locked_by: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}
export type JobRow = Selectable<JobTable>;

export interface PasswordResetTable {
  /** SHA-256 of the link's token. */
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface NotificationOptOutTable {
  user_id: string;
  /** A kind of notification the person turned off (domain `notificationKinds`). */
  kind: string;
  created_at: string;
}
