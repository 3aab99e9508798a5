/**
 * Every environment variable the CMS, the workers and the site read, each defined once here with
 * its default, and parsed by one zod schema. Each process checks its whole set at start
 * (cmsSettings, workerSettings, siteSettings): a bad value stops it with one error that names every
 * bad variable. The accessors (loadPolicy, loadEndpoints, …) read their part on every call, so an
 * operator's or a test's change of the environment applies at once; parsing is memoised per value.
 */
import path from 'path';
import { z } from 'zod';
import { checkCalendarDuration, checkDuration, type PolicyDuration } from './durations';
import type { DocumentSettings } from './documents';
import type { InboxSettings } from './inbox';
import type { OutboxSettings } from './outbox';
import type { Endpoints, Policy, ReportPolicy } from './policy';

type Env = Record<string, string | undefined>;

// config/src (ts-jest) or config/dist/src (compiled): the repository root is above the config package.
const repoRoot = path.resolve(__dirname, __dirname.split(path.sep).includes('dist') ? '../../..' : '../..');

/** Why a value is wrong, e.g. `"abc" is not a port number` (the variable's name is added in front). */
class Problem {
  constructor(readonly message: string) {}
}
/** One variable: `read` gets the trimmed value, undefined when unset or blank, and returns the parsed value or a Problem. */
function variable<T>(read: (raw: string | undefined) => T | Problem, { trim = true } = {}) {
  return z
    .string()
    .optional()
    .transform((value, ctx): T => {
      const raw = trim ? value?.trim() || undefined : value;
      const result = read(raw);
      if (result instanceof Problem) {
        ctx.addIssue({ code: 'custom', message: result.message });
        return z.NEVER;
      }
      return result;
    });
}

const text = (fallback: string) => variable((raw) => raw ?? fallback);
const optionalText = () => variable((raw) => raw ?? null);
/** Secrets and passwords keep their spaces; an empty value counts as set. */
const secret = () => variable((raw) => raw ?? null, { trim: false });
const number = (fallback: number, { integer = false, zero = false } = {}) =>
  variable((raw) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || (zero ? value < 0 : value <= 0) || (integer && !Number.isInteger(value))) {
      return new Problem(`"${raw}" must be a ${zero ? 'non-negative' : 'positive'} ${integer ? 'whole ' : ''}number`);
    }
    return value;
  });
const positiveInt = (fallback: number) => number(fallback, { integer: true });
const port = (fallback: number) =>
  variable((raw) => {
    if (raw === undefined) return fallback;
    const value = Number(raw);
    return Number.isInteger(value) && value > 0 && value < 65536 ? value : new Problem(`"${raw}" is not a port number`);
  });
const bool = (fallback: boolean) =>
  variable((raw) => {
    if (raw === undefined) return fallback;
    if (/^true$/i.test(raw)) return true;
    if (/^false$/i.test(raw)) return false;
    return new Problem(`"${raw}" must be true or false`);
  });
const oneOf = <const V extends string>(values: readonly V[], fallback: V) =>
  variable((raw) =>
    raw === undefined ? fallback : (values as readonly string[]).includes(raw) ? (raw as V) : new Problem(`"${raw}" must be one of ${values.join(', ')}`),
  );
/** An http(s) or redis(s) address; without trailing slashes, so paths can be appended. */
function url(fallback: string, protocols: string[]) {
  return variable((raw) => checkUrl(raw ?? fallback, protocols, fallback));
}
/** The CMS's address is also Strapi's own `url`, which stays unset (Strapi works it out) when CMS_URL is. */
const CMS_URL_DEFAULT = 'http://localhost:1337';
const optionalUrl = (example: string, protocols: string[]) => variable((raw) => (raw === undefined ? null : checkUrl(raw, protocols, example)));
function checkUrl(value: string, protocols: string[], example: string): string | Problem {
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return new Problem(`"${value}" is not a URL (e.g. ${example})`);
  }
  if (!protocols.includes(parsed.protocol)) return new Problem(`"${value}" must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  return value.replace(/\/+$/, '');
}
const duration = (fallback: string) =>
  variable((raw): PolicyDuration | Problem => {
    const parsed = checkDuration(raw ?? fallback);
    return typeof parsed === 'string' ? new Problem(parsed) : parsed;
  });
/** A duration the working-day calendar applies to (see checkCalendarDuration). */
const calendarDuration = (fallback: string) =>
  variable((raw): PolicyDuration | Problem => {
    const parsed = checkCalendarDuration(raw ?? fallback);
    return typeof parsed === 'string' ? new Problem(parsed) : parsed;
  });
/** A cron rule of five fields, or six with seconds first (node-schedule, as Strapi's cron uses). */
const cron = (fallback: string) =>
  variable((raw) => {
    const value = raw ?? fallback;
    const fields = value.split(/\s+/);
    return (fields.length === 5 || fields.length === 6) && fields.every((field) => /^[\d*,/\-?LW#A-Za-z]+$/.test(field))
      ? value
      : new Problem(`"${value}" is not a cron rule of five fields (e.g. "${fallback}")`);
  });
/** Unset stays unset, so Strapi names a missing APP_KEYS itself. */
const list = () =>
  variable((raw) =>
    raw === undefined
      ? undefined
      : raw
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
  );

/** The variables, each once, with its default. The README's configuration table describes them. */
export const variables = {
  /** The municipality's JSON file; unset: config/municipality.json. */
  MUNICIPALITY_FILE: optionalText(),
  // Where the processes reach each other, Redis and the mail server.
  REDIS_URL: url('redis://127.0.0.1:6379', ['redis:', 'rediss:']),
  PUBLIC_SITE_URL: url('http://localhost:4321', ['http:', 'https:']),
  /** Where the site and the workers reach the CMS; unset: http://localhost:1337. */
  CMS_URL: optionalUrl(CMS_URL_DEFAULT, ['http:', 'https:']),
  SMTP_HOST: optionalText(),
  SMTP_PORT: port(25),
  SMTP_USER: optionalText(),
  SMTP_PASSWORD: secret(),
  /** Older name of SMTP_PASSWORD. */
  SMTP_PASS: secret(),
  SMTP_SECURE: bool(false),
  /** The sender of every e-mail; unset: the advisor's address (config/municipality.json). */
  MAIL_FROM: optionalText(),
  // The outbox and its workers.
  OUTBOX_QUEUE_PREFIX: text('borgerraadgiver'),
  DATA_DIR: text('.data'),
  MAIL_DIR: optionalText(),
  OUTBOX_WORKER_TOKEN: optionalText(),
  OUTBOX_RECONCILE_EVERY: duration('PT1M'),
  OUTBOX_MAX_ATTEMPTS: positiveInt(10),
  OUTBOX_RETRY_DELAY_MS: positiveInt(30_000),
  OUTBOX_SENDING_TIMEOUT: duration('PT15M'),
  AUDIT_IP_SECRET: optionalText(),
  // E-mail into the case: the advisor's mailbox over IMAP, or .eml files in INBOX_DIR without INBOX_IMAP_HOST.
  INBOX_IMAP_HOST: optionalText(),
  INBOX_IMAP_PORT: port(993),
  INBOX_IMAP_SECURE: bool(true),
  INBOX_IMAP_USER: optionalText(),
  INBOX_IMAP_PASSWORD: secret(),
  INBOX_IMAP_FOLDER: text('INBOX'),
  INBOX_IMAP_DONE_FOLDER: text('Behandlet'),
  INBOX_DIR: optionalText(),
  /** How often the inbox is read where the server offers no IDLE, and the longest wait between reads otherwise. */
  INBOX_POLL_MS: positiveInt(60_000),
  // The durations of SPEC §3, ISO 8601.
  COMPLAINT_TIME_LIMIT: calendarDuration('P1Y'),
  STATEMENT_DEADLINE: calendarDuration('P14D'),
  STATEMENT_REMINDER_BEFORE: calendarDuration('P2D'),
  STATEMENT_ESCALATE_AFTER: calendarDuration('P3D'),
  OPINION_FEEDBACK_AFTER: calendarDuration('P2M'),
  /** How long a center's link keeps working after the statement's due date. */
  STATEMENT_LINK_VALID_AFTER_DUE: calendarDuration('P30D'),
  /**
   * How long a closed case keeps its citizen before the daily job anonymises it. P5Y is a
   * placeholder: each municipality sets it from its own retention and archival rules (README).
   */
  RETENTION_AFTER_CLOSURE: calendarDuration('P5Y'),
  /** How long before that a case is listed in "Sager til anonymisering", so the advisor can postpone it. */
  RETENTION_NOTICE: calendarDuration('P30D'),
  // Reporting (R18, R19).
  /** A center's inquiries in the last window above its usual level times this factor raise an alert. */
  ONGOING_STATUS_FACTOR: number(1.5),
  /** …and at least this many inquiries in the window (avoids alerts on 2 against a usual 1). */
  ONGOING_STATUS_MIN_COUNT: positiveInt(5),
  ONGOING_STATUS_WINDOW_DAYS: positiveInt(30),
  /** Weekly working hours of one full-time advisor, and the office's full-time equivalents. */
  ADVISOR_WEEKLY_HOURS: number(37),
  ADVISOR_FTE: number(1),
  /** Target share of working time for improvement work, in percent (R19: about half). */
  IMPROVEMENT_TARGET_PERCENT: number(50),
  // The case file's documents.
  DOCUMENT_STORAGE_DIR: optionalText(),
  DOCUMENT_MAX_FILE_MB: number(20),
  DOCUMENT_MAX_CASE_MB: number(100),
  DOCUMENT_MAX_FILES: number(10),
  CLAMD_HOST: optionalText(),
  CLAMD_PORT: port(3310),
  CLAMD_SOCKET: optionalText(),
  DOCUMENT_DOWNLOAD_TTL_SECONDS: number(900),
  CITIZEN_LINK_VALID_AFTER_CLOSURE: duration('P3M'),
  LETTER_LINK_VALID: duration('P3M'),
  // Per-IP rate limits, counted in Redis.
  PUBLIC_COMPLAINT_RATE_LIMIT: positiveInt(30),
  PUBLIC_STATEMENT_RATE_LIMIT: positiveInt(30),
  SITE_FORM_RATE_LIMIT: positiveInt(20),
  /** Lets the site pass the citizen's IP to the CMS (X-Site-Client-IP is trusted only with it). */
  SITE_API_SECRET: optionalText(),
  // Staff sign-in (SPEC §3): the second factor of the admin.
  /** required: every staff account signs in with a one-time code; optional: those who set one up; off: password only (tests, demos). */
  ADMIN_MFA: oneOf(['required', 'optional', 'off'], 'required'),
  /** Key of the stored TOTP secrets and recovery-code hashes (at least 32 characters); needed unless ADMIN_MFA=off. */
  ADMIN_MFA_KEY: variable((raw) => (raw === undefined ? null : raw.length >= 32 ? raw : new Problem('must be at least 32 characters')), { trim: false }),
  /** Wrong codes per account before it is locked out for ADMIN_MFA_LOCKOUT. */
  ADMIN_MFA_MAX_ATTEMPTS: positiveInt(5),
  /** Code attempts per IP address within ADMIN_MFA_LOCKOUT (a shared office address signs in several people). */
  ADMIN_MFA_IP_MAX_ATTEMPTS: positiveInt(30),
  ADMIN_MFA_LOCKOUT: duration('PT15M'),
  // The CMS (Strapi's own configuration in cms/config reads these).
  HOST: text('0.0.0.0'),
  PORT: port(1337),
  APP_KEYS: list(),
  ADMIN_JWT_SECRET: optionalText(),
  API_TOKEN_SALT: optionalText(),
  TRANSFER_TOKEN_SALT: optionalText(),
  ENCRYPTION_KEY: optionalText(),
  JWT_SECRET: optionalText(),
  SERVE_ADMIN_PANEL: bool(true),
  CRON_ENABLED: bool(true),
  /** When the daily jobs fire, Copenhagen time. */
  DAILY_JOBS_CRON: cron('0 7 * * *'),
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'], 'http'),
  DATABASE_CLIENT: oneOf(['sqlite', 'postgres'], 'sqlite'),
  /** Relative to cms/. */
  DATABASE_FILENAME: text('.tmp/data.db'),
  DATABASE_URL: optionalText(),
  DATABASE_HOST: text('127.0.0.1'),
  DATABASE_PORT: port(5432),
  DATABASE_NAME: text('borgerraadgiver'),
  DATABASE_USERNAME: text('postgres'),
  DATABASE_PASSWORD: variable((raw) => raw ?? '', { trim: false }),
  DATABASE_SSL: bool(false),
  DATABASE_SSL_REJECT_UNAUTHORIZED: bool(true),
  DATABASE_SCHEMA: text('public'),
  DATABASE_POOL_MIN: number(0, { integer: true, zero: true }),
  DATABASE_POOL_MAX: positiveInt(10),
  // The site.
  /** How long the site keeps the CMS texts before asking again (the advisor sees edits within this). */
  SITE_CONTENT_TTL_MS: number(60_000, { zero: true }),
  CMS_TIMEOUT_MS: number(8_000),
  /**
   * Behind a reverse proxy (CMS and site): the client's IP is the last X-Forwarded-For entry, the
   * one the proxy added (earlier entries are the client's to forge); otherwise the socket's address.
   */
  TRUST_PROXY: bool(false),
};

type Variables = typeof variables;
type Name = keyof Variables;
type Values<K extends Name> = { [P in K]: z.output<Variables[P]> };

/** One part of the settings: the variables it reads and what it makes of them. */
interface Section<T> {
  names: readonly Name[];
  schema: z.ZodType<T>;
}

function section<const K extends Name, T>(names: readonly K[], build: (values: Values<K>) => T): Section<T> {
  const shape = Object.fromEntries(names.map((name) => [name, variables[name]])) as Pick<Variables, K>;
  return { names, schema: z.object(shape).transform((values) => build(values as Values<K>)) as unknown as z.ZodType<T> };
}

/** Every bad variable, one line each: `NAME: "value" is not …`. */
export class SettingsError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(problems.map((problem) => `${problem.variable}: ${problem.message}`).join('\n'));
    this.name = 'SettingsError';
  }
}

const memo = new WeakMap<Section<unknown>, { key: string; value: unknown }>();

function parse<T>(part: Section<T>, env: Env): { value: T } | { problems: SettingsError['problems'] } {
  const values = Object.fromEntries(part.names.map((name) => [name, env[name]]));
  const key = JSON.stringify(values);
  const cached = memo.get(part);
  if (cached?.key === key) return { value: cached.value as T };
  const result = part.schema.safeParse(values);
  if (!result.success) return { problems: result.error.issues.map((issue) => ({ variable: String(issue.path[0]), message: issue.message })) };
  memo.set(part, { key, value: result.data });
  return { value: result.data };
}

function read<T>(part: Section<T>, env: Env): T {
  const result = parse(part, env);
  if ('problems' in result) throw new SettingsError(result.problems);
  return result.value;
}

/** Reads several parts at once; throws one SettingsError naming every bad variable of all of them. */
function readAll<P extends Record<string, Section<unknown>>>(parts: P, env: Env): { [K in keyof P]: P[K] extends Section<infer T> ? T : never } {
  const problems = new Map<string, string>();
  const out: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(parts)) {
    const result = parse(part, env);
    if ('problems' in result) for (const problem of result.problems) problems.set(problem.variable, problem.message);
    else out[name] = result.value;
  }
  if (problems.size) throw new SettingsError([...problems].map(([variable, message]) => ({ variable, message })));
  return out as { [K in keyof P]: P[K] extends Section<infer T> ? T : never };
}

const dataDir = (value: string) => path.resolve(repoRoot, value);

const municipalityPart = section(['MUNICIPALITY_FILE'], (v) => v.MUNICIPALITY_FILE);

const endpointsPart = section(['REDIS_URL', 'PUBLIC_SITE_URL', 'CMS_URL', 'PORT', 'SMTP_HOST', 'SMTP_PORT', 'MAIL_FROM'], (v) => ({
  redisUrl: v.REDIS_URL,
  publicSiteUrl: v.PUBLIC_SITE_URL,
  // The CMS and the workers read PORT as the CMS's port (the site's PORT is its own; it reads sitePart).
  cmsUrl: v.CMS_URL ?? `http://localhost:${v.PORT}`,
  smtp: v.SMTP_HOST ? { host: v.SMTP_HOST, port: v.SMTP_PORT } : null,
  mailFrom: v.MAIL_FROM,
}));

const outboxPart = section(
  [
    'OUTBOX_QUEUE_PREFIX',
    'DATA_DIR',
    'MAIL_DIR',
    'OUTBOX_WORKER_TOKEN',
    'OUTBOX_RECONCILE_EVERY',
    'OUTBOX_MAX_ATTEMPTS',
    'OUTBOX_RETRY_DELAY_MS',
    'OUTBOX_SENDING_TIMEOUT',
    'SMTP_USER',
    'SMTP_PASSWORD',
    'SMTP_PASS',
    'SMTP_SECURE',
    'AUDIT_IP_SECRET',
  ],
  (v): OutboxSettings => ({
    queuePrefix: v.OUTBOX_QUEUE_PREFIX,
    mailDir: path.resolve(repoRoot, v.MAIL_DIR ?? path.join(dataDir(v.DATA_DIR), 'mail')),
    workerToken: v.OUTBOX_WORKER_TOKEN,
    workerTokenFile: path.join(dataDir(v.DATA_DIR), 'worker-token'),
    reconcileEvery: v.OUTBOX_RECONCILE_EVERY,
    maxAttempts: v.OUTBOX_MAX_ATTEMPTS,
    retryDelayMs: v.OUTBOX_RETRY_DELAY_MS,
    sendingTimeout: v.OUTBOX_SENDING_TIMEOUT,
    smtpUser: v.SMTP_USER,
    smtpPassword: v.SMTP_PASSWORD ?? v.SMTP_PASS,
    smtpSecure: v.SMTP_SECURE,
    auditIpSecret: v.AUDIT_IP_SECRET,
  }),
);

const inboxPart = section(
  [
    'DATA_DIR',
    'INBOX_IMAP_HOST',
    'INBOX_IMAP_PORT',
    'INBOX_IMAP_SECURE',
    'INBOX_IMAP_USER',
    'INBOX_IMAP_PASSWORD',
    'INBOX_IMAP_FOLDER',
    'INBOX_IMAP_DONE_FOLDER',
    'INBOX_DIR',
    'INBOX_POLL_MS',
  ],
  (v): InboxSettings => ({
    imap: v.INBOX_IMAP_HOST
      ? {
          host: v.INBOX_IMAP_HOST,
          port: v.INBOX_IMAP_PORT,
          secure: v.INBOX_IMAP_SECURE,
          user: v.INBOX_IMAP_USER,
          password: v.INBOX_IMAP_PASSWORD,
          folder: v.INBOX_IMAP_FOLDER,
        }
      : null,
    doneFolder: v.INBOX_IMAP_DONE_FOLDER,
    dir: path.resolve(repoRoot, v.INBOX_DIR ?? path.join(dataDir(v.DATA_DIR), 'inbox')),
    pollMs: v.INBOX_POLL_MS,
  }),
);

const policyPart = section(
  [
    'COMPLAINT_TIME_LIMIT',
    'STATEMENT_DEADLINE',
    'STATEMENT_REMINDER_BEFORE',
    'STATEMENT_ESCALATE_AFTER',
    'OPINION_FEEDBACK_AFTER',
    'STATEMENT_LINK_VALID_AFTER_DUE',
    'RETENTION_AFTER_CLOSURE',
    'RETENTION_NOTICE',
  ],
  (v): Policy => ({
    complaintTimeLimit: v.COMPLAINT_TIME_LIMIT,
    statementDeadline: v.STATEMENT_DEADLINE,
    statementReminderBefore: v.STATEMENT_REMINDER_BEFORE,
    statementEscalateAfter: v.STATEMENT_ESCALATE_AFTER,
    opinionFeedbackAfter: v.OPINION_FEEDBACK_AFTER,
    statementLinkValidAfterDue: v.STATEMENT_LINK_VALID_AFTER_DUE,
    retentionAfterClosure: v.RETENTION_AFTER_CLOSURE,
    retentionNotice: v.RETENTION_NOTICE,
  }),
);

const reportPolicyPart = section(
  ['ONGOING_STATUS_FACTOR', 'ONGOING_STATUS_MIN_COUNT', 'ONGOING_STATUS_WINDOW_DAYS', 'ADVISOR_WEEKLY_HOURS', 'ADVISOR_FTE', 'IMPROVEMENT_TARGET_PERCENT'],
  (v): ReportPolicy => ({
    ongoingStatusFactor: v.ONGOING_STATUS_FACTOR,
    ongoingStatusMinCount: v.ONGOING_STATUS_MIN_COUNT,
    ongoingStatusWindowDays: v.ONGOING_STATUS_WINDOW_DAYS,
    advisorWeeklyHours: v.ADVISOR_WEEKLY_HOURS,
    advisorFte: v.ADVISOR_FTE,
    improvementTargetPercent: v.IMPROVEMENT_TARGET_PERCENT,
  }),
);

const documentsPart = section(
  [
    'DATA_DIR',
    'DOCUMENT_STORAGE_DIR',
    'DOCUMENT_MAX_FILE_MB',
    'DOCUMENT_MAX_CASE_MB',
    'DOCUMENT_MAX_FILES',
    'CLAMD_HOST',
    'CLAMD_PORT',
    'CLAMD_SOCKET',
    'DOCUMENT_DOWNLOAD_TTL_SECONDS',
    'CITIZEN_LINK_VALID_AFTER_CLOSURE',
    'LETTER_LINK_VALID',
  ],
  (v): DocumentSettings => ({
    storageDir: path.resolve(repoRoot, v.DOCUMENT_STORAGE_DIR ?? path.join(dataDir(v.DATA_DIR), 'documents')),
    maxFileBytes: Math.round(v.DOCUMENT_MAX_FILE_MB * 1024 * 1024),
    maxCaseBytes: Math.round(v.DOCUMENT_MAX_CASE_MB * 1024 * 1024),
    maxFiles: Math.round(v.DOCUMENT_MAX_FILES),
    clamd: v.CLAMD_SOCKET ? { socket: v.CLAMD_SOCKET } : v.CLAMD_HOST ? { host: v.CLAMD_HOST, port: v.CLAMD_PORT } : null,
    downloadTtlSeconds: Math.round(v.DOCUMENT_DOWNLOAD_TTL_SECONDS),
    citizenLinkValidAfterClosure: v.CITIZEN_LINK_VALID_AFTER_CLOSURE,
    letterLinkValid: v.LETTER_LINK_VALID,
  }),
);

const rateLimitsPart = section(
  ['REDIS_URL', 'OUTBOX_QUEUE_PREFIX', 'PUBLIC_COMPLAINT_RATE_LIMIT', 'PUBLIC_STATEMENT_RATE_LIMIT', 'SITE_FORM_RATE_LIMIT'],
  (v) => ({
    redisUrl: v.REDIS_URL,
    /** Keys under the installation's prefix, so tests and installations sharing a Redis never count together. */
    keyPrefix: v.OUTBOX_QUEUE_PREFIX,
    publicComplaint: v.PUBLIC_COMPLAINT_RATE_LIMIT,
    publicStatement: v.PUBLIC_STATEMENT_RATE_LIMIT,
    siteForm: v.SITE_FORM_RATE_LIMIT,
  }),
);

const strapiPart = section(
  [
    'HOST',
    'PORT',
    'CMS_URL',
    'APP_KEYS',
    'ADMIN_JWT_SECRET',
    'API_TOKEN_SALT',
    'TRANSFER_TOKEN_SALT',
    'ENCRYPTION_KEY',
    'JWT_SECRET',
    'SERVE_ADMIN_PANEL',
    'CRON_ENABLED',
    'DAILY_JOBS_CRON',
    'LOG_LEVEL',
    'SITE_API_SECRET',
    'TRUST_PROXY',
  ],
  (v) => ({
    host: v.HOST,
    port: v.PORT,
    url: v.CMS_URL ?? '',
    appKeys: v.APP_KEYS,
    adminJwtSecret: v.ADMIN_JWT_SECRET,
    apiTokenSalt: v.API_TOKEN_SALT,
    transferTokenSalt: v.TRANSFER_TOKEN_SALT,
    encryptionKey: v.ENCRYPTION_KEY,
    jwtSecret: v.JWT_SECRET,
    serveAdminPanel: v.SERVE_ADMIN_PANEL,
    cronEnabled: v.CRON_ENABLED,
    dailyJobsCron: v.DAILY_JOBS_CRON,
    logLevel: v.LOG_LEVEL,
    siteApiSecret: v.SITE_API_SECRET,
    trustProxy: v.TRUST_PROXY,
  }),
);

const databasePart = section(
  [
    'DATABASE_CLIENT',
    'DATABASE_FILENAME',
    'DATABASE_URL',
    'DATABASE_HOST',
    'DATABASE_PORT',
    'DATABASE_NAME',
    'DATABASE_USERNAME',
    'DATABASE_PASSWORD',
    'DATABASE_SSL',
    'DATABASE_SSL_REJECT_UNAUTHORIZED',
    'DATABASE_SCHEMA',
    'DATABASE_POOL_MIN',
    'DATABASE_POOL_MAX',
  ],
  (v) => ({
    client: v.DATABASE_CLIENT,
    filename: v.DATABASE_FILENAME,
    url: v.DATABASE_URL,
    host: v.DATABASE_HOST,
    port: v.DATABASE_PORT,
    name: v.DATABASE_NAME,
    user: v.DATABASE_USERNAME,
    password: v.DATABASE_PASSWORD,
    ssl: v.DATABASE_SSL ? { rejectUnauthorized: v.DATABASE_SSL_REJECT_UNAUTHORIZED } : false,
    schema: v.DATABASE_SCHEMA,
    pool: { min: v.DATABASE_POOL_MIN, max: v.DATABASE_POOL_MAX },
  }),
);

const adminMfaPart = section(['ADMIN_MFA', 'ADMIN_MFA_KEY', 'ADMIN_MFA_MAX_ATTEMPTS', 'ADMIN_MFA_IP_MAX_ATTEMPTS', 'ADMIN_MFA_LOCKOUT'], (v) => ({
  mode: v.ADMIN_MFA,
  key: v.ADMIN_MFA_KEY,
  maxAttempts: v.ADMIN_MFA_MAX_ATTEMPTS,
  ipMaxAttempts: v.ADMIN_MFA_IP_MAX_ATTEMPTS,
  lockoutSeconds: Math.max(1, Math.round(v.ADMIN_MFA_LOCKOUT.duration.as('seconds'))),
}));

const sitePart = section(['CMS_URL', 'PUBLIC_SITE_URL', 'SITE_CONTENT_TTL_MS', 'CMS_TIMEOUT_MS', 'TRUST_PROXY', 'SITE_API_SECRET'], (v) => ({
  cmsUrl: v.CMS_URL ?? CMS_URL_DEFAULT,
  publicSiteUrl: v.PUBLIC_SITE_URL,
  contentTtlMs: v.SITE_CONTENT_TTL_MS,
  cmsTimeoutMs: v.CMS_TIMEOUT_MS,
  trustProxy: v.TRUST_PROXY,
  siteApiSecret: v.SITE_API_SECRET ?? '',
}));

// The processes: each checks everything it reads at start.

/** The CMS's settings; throws a SettingsError naming every bad variable. */
export function cmsSettings(env: Env = process.env) {
  return readAll(
    {
      municipalityFile: municipalityPart,
      strapi: strapiPart,
      database: databasePart,
      endpoints: endpointsPart,
      outbox: outboxPart,
      policy: policyPart,
      reportPolicy: reportPolicyPart,
      documents: documentsPart,
      rateLimits: rateLimitsPart,
      adminMfa: adminMfaPart,
    },
    env,
  );
}

/** The workers' settings; throws a SettingsError naming every bad variable. */
export function workerSettings(env: Env = process.env) {
  return readAll({ municipalityFile: municipalityPart, endpoints: endpointsPart, outbox: outboxPart, inbox: inboxPart }, env);
}

/** The site's settings; throws a SettingsError naming every bad variable. */
export function siteSettings(env: Env = process.env) {
  return readAll({ municipalityFile: municipalityPart, site: sitePart, policy: policyPart, rateLimits: rateLimitsPart }, env);
}

// The parts, read where they are used (each throws naming its bad variables).

export const loadMunicipalityFile = (env: Env = process.env) => read(municipalityPart, env);
/** The policy durations of SPEC §3; a day or more written in hours or minutes is refused (checkCalendarDuration). */
export const loadPolicy = (env: Env = process.env): Policy => read(policyPart, env);
/** Where the processes reach each other, Redis and the mail server; the sender defaults to the advisor's address. */
export const loadEndpoints = (env: Env = process.env, advisorEmail: string): Endpoints => {
  const endpoints = read(endpointsPart, env);
  return { ...endpoints, mailFrom: endpoints.mailFrom ?? advisorEmail };
};
/** Settings of the notification outbox and its workers. */
export const loadOutboxSettings = (env: Env = process.env): OutboxSettings => read(outboxPart, env);
/** Reporting (R18, R19). */
export const loadReportPolicy = (env: Env = process.env): ReportPolicy => read(reportPolicyPart, env);
/** Limits and storage of the case file's documents. */
export const loadDocumentSettings = (env: Env = process.env): DocumentSettings => read(documentsPart, env);
export const loadRateLimitSettings = (env: Env = process.env) => read(rateLimitsPart, env);
export const loadStrapiSettings = (env: Env = process.env) => read(strapiPart, env);
/** Staff sign-in: ADMIN_MFA and the second factor's key, attempts and lock-out. */
export const loadAdminMfaSettings = (env: Env = process.env) => read(adminMfaPart, env);
export const loadSiteSettings = (env: Env = process.env) => read(sitePart, env);
