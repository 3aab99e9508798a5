import path from 'path';
import {
  cmsSettings,
  loadAdminMfaSettings,
  loadEndpoints,
  loadRateLimitSettings,
  RATE_LIMITS,
  SettingsError,
  siteSettings,
  workerSettings,
} from '@borgerraadgiver/config';
import { env as siteEnv } from '../../site/src/lib/env';

const problemsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof SettingsError) return error;
    throw error;
  }
  throw new Error('no SettingsError');
};

test('every bad variable is named at once, each with its value and what is wrong', () => {
  const error = problemsOf(() =>
    cmsSettings({
      PUBLIC_COMPLAINT_RATE_LIMIT: 'tredive',
      STATEMENT_DEADLINE: '14 dage',
      CMS_URL: 'localhost:1337',
      SMTP_PORT: '99999',
      DATABASE_SSL: 'ja',
      DAILY_JOBS_CRON: '07:00',
    }),
  );
  expect(error.problems.map((problem) => problem.variable).sort()).toEqual([
    'CMS_URL',
    'DAILY_JOBS_CRON',
    'DATABASE_SSL',
    'PUBLIC_COMPLAINT_RATE_LIMIT',
    'SMTP_PORT',
    'STATEMENT_DEADLINE',
  ]);
  expect(error.message.split('\n')).toEqual(
    expect.arrayContaining([
      'PUBLIC_COMPLAINT_RATE_LIMIT: "tredive" must be a positive whole number',
      'STATEMENT_DEADLINE: "14 dage" is not an ISO 8601 duration (examples: P14D, P1Y, PT30S)',
      'SMTP_PORT: "99999" is not a port number',
      'DATABASE_SSL: "ja" must be true or false',
    ]),
  );
  expect(error.message).toMatch(/^CMS_URL: "localhost:1337" must start with http:\/\/ or https:\/\//m);
});

test('a variable read by two parts is named once', () => {
  const error = problemsOf(() => siteSettings({ CMS_URL: 'ikke en adresse', REDIS_URL: 'http://redis', SITE_CONTENT_TTL_MS: '-1', TRUST_PROXY: 'yes' }));
  expect(error.problems.map((problem) => problem.variable).sort()).toEqual(['CMS_URL', 'REDIS_URL', 'SITE_CONTENT_TTL_MS', 'TRUST_PROXY']);
});

test('each process checks what it reads: the workers do not stop on the site’s settings', () => {
  expect(() => workerSettings({ TRUST_PROXY: 'yes' })).not.toThrow();
  expect(() => workerSettings({ OUTBOX_MAX_ATTEMPTS: '0' })).toThrow(/^OUTBOX_MAX_ATTEMPTS: "0" must be a positive whole number$/);
});

test('defaults, and blank values count as unset', () => {
  const settings = cmsSettings({ PORT: ' ', DATABASE_CLIENT: '' });
  expect(settings.strapi).toMatchObject({
    host: '0.0.0.0',
    port: 1337,
    url: '',
    cronEnabled: true,
    serveAdminPanel: true,
    dailyJobsCron: '0 7 * * *',
    logLevel: 'http',
    appKeys: undefined,
  });
  expect(settings.database).toMatchObject({ client: 'sqlite', filename: '.tmp/data.db', port: 5432, ssl: false, pool: { min: 0, max: 10 } });
  expect(settings.endpoints).toMatchObject({
    redisUrl: 'redis://127.0.0.1:6379',
    publicSiteUrl: 'http://localhost:4321',
    cmsUrl: 'http://localhost:1337',
    smtp: null,
    mailFrom: null,
  });
  expect(settings.outbox).toMatchObject({ queuePrefix: 'borgerraadgiver', maxAttempts: 10, retryDelayMs: 30_000, smtpSecure: false, workerToken: null });
  expect(settings.outbox.mailDir).toBe(path.resolve(__dirname, '../../.data/mail'));
  expect(settings.outbox.reconcileEvery.iso).toBe('PT1M');
  expect(settings.policy.statementDeadline.iso).toBe('P14D');
  expect(settings.reportPolicy).toEqual({
    ongoingStatusFactor: 1.5,
    ongoingStatusMinCount: 5,
    ongoingStatusWindowDays: 30,
    advisorWeeklyHours: 37,
    advisorFte: 1,
    improvementTargetPercent: 50,
  });
  expect(settings.documents).toMatchObject({
    maxFileBytes: 20 * 1024 * 1024,
    maxCaseBytes: 100 * 1024 * 1024,
    maxFiles: 10,
    clamd: null,
    downloadTtlSeconds: 900,
  });
  expect(settings.rateLimits).toMatchObject({ publicComplaint: 30, publicStatement: 30, siteForm: 20, keyPrefix: 'borgerraadgiver' });
  expect(siteSettings({}).site).toEqual({
    cmsUrl: 'http://localhost:1337',
    publicSiteUrl: 'http://localhost:4321',
    contentTtlMs: 60_000,
    cmsTimeoutMs: 8_000,
    trustProxy: false,
    siteApiSecret: '',
  });
});

test("the CMS's address in links follows PORT when CMS_URL is unset", () => {
  expect(loadEndpoints({ PORT: '1500' }, 'raadgiver@example.dk').cmsUrl).toBe('http://localhost:1500');
  expect(loadEndpoints({ PORT: '1500', CMS_URL: 'https://sager.example.dk' }, 'raadgiver@example.dk').cmsUrl).toBe('https://sager.example.dk');
  expect(loadEndpoints({}, 'raadgiver@example.dk').cmsUrl).toBe('http://localhost:1337');
});

test('values are parsed into what the code uses', () => {
  const settings = cmsSettings({
    CMS_URL: 'https://cms.example.dk/',
    DATABASE_SSL: 'TRUE',
    DATABASE_SSL_REJECT_UNAUTHORIZED: 'false',
    APP_KEYS: 'a, b',
    CLAMD_HOST: 'clamd',
    CLAMD_PORT: '3311',
    SMTP_HOST: 'smtp',
    SMTP_PORT: '587',
    DATA_DIR: '/srv/data',
    TRUST_PROXY: 'true',
  });
  expect(settings.strapi).toMatchObject({ url: 'https://cms.example.dk', appKeys: ['a', 'b'], trustProxy: true });
  expect(cmsSettings({}).strapi.trustProxy).toBe(false);
  expect(settings.database.ssl).toEqual({ rejectUnauthorized: false });
  expect(settings.documents.clamd).toEqual({ host: 'clamd', port: 3311 });
  expect(settings.documents.storageDir).toBe('/srv/data/documents');
  expect(loadEndpoints({ SMTP_HOST: 'smtp', SMTP_PORT: '587' }, 'raadgiver@example.dk')).toMatchObject({
    smtp: { host: 'smtp', port: 587 },
    mailFrom: 'raadgiver@example.dk',
  });
});

test('the accessors follow the environment on every call (operators and tests change it)', () => {
  const saved = { PUBLIC_COMPLAINT_RATE_LIMIT: process.env.PUBLIC_COMPLAINT_RATE_LIMIT, SITE_CONTENT_TTL_MS: process.env.SITE_CONTENT_TTL_MS };
  try {
    process.env.PUBLIC_COMPLAINT_RATE_LIMIT = '2';
    process.env.SITE_CONTENT_TTL_MS = '0';
    expect(RATE_LIMITS.publicComplaint.points()).toBe(2);
    expect(siteEnv.contentTtlMs()).toBe(0);
    process.env.PUBLIC_COMPLAINT_RATE_LIMIT = 'x';
    // Today a non-numeric limit no longer refuses almost every complaint: it names itself.
    expect(() => RATE_LIMITS.publicComplaint.points()).toThrow(/^PUBLIC_COMPLAINT_RATE_LIMIT: "x"/);
    expect(() => loadRateLimitSettings()).toThrow(SettingsError);
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
});

test('staff sign-in: a second factor is required by default; off and optional only when set; the key must be long enough', () => {
  expect(loadAdminMfaSettings({})).toEqual({ mode: 'required', key: null, maxAttempts: 5, ipMaxAttempts: 30, lockoutSeconds: 900 });
  expect(loadAdminMfaSettings({ ADMIN_MFA: 'off', ADMIN_MFA_LOCKOUT: 'PT30S' })).toMatchObject({ mode: 'off', lockoutSeconds: 30 });
  const error = problemsOf(() => cmsSettings({ ADMIN_MFA: 'ja', ADMIN_MFA_KEY: 'kort', ADMIN_MFA_MAX_ATTEMPTS: '0' }));
  expect(error.message.split('\n')).toEqual(
    expect.arrayContaining([
      'ADMIN_MFA: "ja" must be one of required, optional, off',
      'ADMIN_MFA_KEY: must be at least 32 characters',
      'ADMIN_MFA_MAX_ATTEMPTS: "0" must be a positive whole number',
    ]),
  );
});
