/**
 * The operations guide's backup and restore (deploy/backup.sh, deploy/restore.sh) on a running
 * system: the copy holds every inquiry, and a CMS started on it (as `npm run start:cms` does)
 * continues the case numbers where the original stopped. PostgreSQL only.
 */
import crypto from 'crypto';
import fs from 'fs';
import os from 'os';
import path from 'path';
import { execFile } from 'child_process';
import { promisify } from 'util';
import { Client } from 'pg';
import { startStrapi, TestStrapi } from '../helpers/strapi';
import { freePort } from '../helpers/smtp';
import { cmsSecrets, startProcess, stopProcess, waitHealthy, type Proc } from '../helpers/servers';
import { submitComplaint } from '../helpers/intake';

const describePg = process.env.DATABASE_CLIENT === 'postgres' ? describe : describe.skip;
const root = path.resolve(__dirname, '../..');
const run = promisify(execFile);

describePg('backup and restore', () => {
  let app: TestStrapi;
  let cms: Proc | null = null;
  const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-'));
  const restored = `restored_${process.pid}_${crypto.randomBytes(3).toString('hex')}`;
  const pgAdmin = () => new Client({ host: '127.0.0.1', port: Number(process.env.DATABASE_PORT || 5432), user: 'postgres', database: 'postgres' });
  const scriptEnv = () => ({
    ...process.env,
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: process.env.DATABASE_PORT || '5432',
    DATABASE_USERNAME: 'postgres',
    BACKUP_DIR: backupDir,
  });

  beforeAll(async () => {
    app = await startStrapi();
  });

  afterAll(async () => {
    if (cms) await stopProcess(cms, 'SIGKILL');
    await app?.stop();
    const admin = pgAdmin();
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${restored} WITH (FORCE)`);
    await admin.end();
    fs.rmSync(backupDir, { recursive: true, force: true });
  });

  test('backup.sh dumps the live database; restore.sh restores it into a new one, where the CMS carries on', async () => {
    const complaints = app.strapi.documents('api::complaint.complaint');
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const created: any = await complaints.create({
        data: { description: `Sikkerhedskopi ${i}`, eventDate: '2026-01-05', identity: 'named', channel: 'phone' } as never,
      });
      made.push(created.caseNumber);
    }

    const { stdout } = await run(path.join(root, 'deploy/backup.sh'), [], { env: scriptEnv() });
    const file = stdout.trim();
    expect(file).toMatch(new RegExp(`^${backupDir}/${process.env.DATABASE_NAME}-\\d{8}T\\d{6}Z\\.dump$`));
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);

    const restoredOut = await run(path.join(root, 'deploy/restore.sh'), [file, restored], { env: scriptEnv() });
    expect(restoredOut.stdout).toContain(`into ${restored}: 3 inquiries`);
    // Never over a database that has tables.
    await expect(run(path.join(root, 'deploy/restore.sh'), [file, restored], { env: scriptEnv() })).rejects.toMatchObject({
      stderr: expect.stringContaining('already has'),
    });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    cms = startProcess('cms', {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: '127.0.0.1',
      DATABASE_NAME: restored,
      DATABASE_USERNAME: 'postgres',
      PORT: String(port),
      CMS_URL: url,
      SERVE_ADMIN_PANEL: 'false',
      CRON_ENABLED: 'false',
      LOG_LEVEL: 'warn',
      OUTBOX_QUEUE_PREFIX: `backup-${process.pid}`,
      ...cmsSecrets(),
    });
    await waitHealthy(url, cms);
    const { status, body } = await submitComplaint(url, {
      eventDate: '2026-01-05',
      description: 'Efter gendannelsen.',
      formalComplaintToUnit: true,
      identity: 'anonymous',
      citizenName: undefined,
      citizenEmail: undefined,
    });
    expect(status).toBe(201);
    const data = body.data!;
    const last = made[made.length - 1];
    const [year, sequence] = last.split('-');
    expect(data.caseNumber).toBe(`${year}-${String(Number(sequence) + 1).padStart(4, '0')}`);
  });
});
