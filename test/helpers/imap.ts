/**
 * A real IMAP server (Debian's dovecot-imapd) for tests: its own configuration in a temporary
 * folder (no TLS, one user from a passwd-file, Maildir storage under the folder), listening on
 * 127.0.0.1 on a free port, run in the foreground as a child process. Messages are delivered by
 * writing them into the Maildir's `new` folder, as a local delivery agent does.
 */
import crypto from 'crypto';
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import { freePort } from './smtp';

export interface TestImap {
  host: string;
  port: number;
  user: string;
  password: string;
  /** Delivers a message to a folder ("INBOX" or another), as the mail server's delivery agent does. */
  deliver(raw: Buffer | string, folder?: string): string;
  /** The messages in a folder (file names), `new` and `cur`. */
  list(folder?: string): string[];
  /** Stops the server, keeping the mail; start() runs it again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** The environment the workers read it with. */
  env(): Record<string, string>;
  close(): Promise<void>;
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection(port, '127.0.0.1');
    socket.setTimeout(1000, () => socket.destroy());
    socket.once('data', (chunk) => {
      socket.destroy();
      resolve(chunk.toString().startsWith('* OK'));
    });
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(false));
  });
}

function systemUser(name: string): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`no system user ${name} (installed with dovecot-core)`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

export async function startImap(): Promise<TestImap> {
  const binary = ['/usr/sbin/dovecot'].find((candidate) => fs.existsSync(candidate));
  if (!binary) throw new Error('dovecot is not installed (Debian package dovecot-imapd; .ci/run installs it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dovecot-'));
  // dovecot's auth process (its own user when started as root) reads the passwd-file in here.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const user = 'raadgiver';
  const password = crypto.randomBytes(12).toString('hex');
  const { uid, username } = os.userInfo();
  // Mail is never accessed as root: started as root, the mailbox belongs to Debian's dovecot user.
  const owner = uid === 0 ? systemUser('dovecot') : { uid, gid: os.userInfo().gid };
  const mailRoot = path.join(dir, 'mail', user);
  fs.mkdirSync(path.join(dir, 'run'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'state'), { recursive: true });
  for (const sub of ['new', 'cur', 'tmp']) fs.mkdirSync(path.join(mailRoot, sub), { recursive: true });
  fs.writeFileSync(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}:${owner.uid}:${owner.gid}::${mailRoot}::\n`);
  const own = (target: string) => fs.chownSync(target, owner.uid, owner.gid);
  for (const sub of ['', 'new', 'cur', 'tmp']) own(path.join(mailRoot, sub));
  own(path.join(dir, 'mail'));
  const conf = path.join(dir, 'dovecot.conf');
  fs.writeFileSync(
    conf,
    [
      `base_dir = ${path.join(dir, 'run')}`,
      `state_dir = ${path.join(dir, 'state')}`,
      `instance_name = test-${path.basename(dir)}`,
      `listen = 127.0.0.1`,
      `protocols = imap`,
      `ssl = no`,
      `disable_plaintext_auth = no`,
      `auth_mechanisms = plain login`,
      `log_path = ${path.join(dir, 'dovecot.log')}`,
      // As root, dovecot runs its login and internal processes as Debian's own unprivileged users.
      `default_login_user = ${uid === 0 ? 'dovenull' : username}`,
      `default_internal_user = ${uid === 0 ? 'dovecot' : username}`,
      `first_valid_uid = ${owner.uid}`,
      `first_valid_gid = ${owner.gid}`,
      `mail_location = maildir:~`,
      `passdb {\n  driver = passwd-file\n  args = scheme=PLAIN username_format=%u ${path.join(dir, 'passwd')}\n}`,
      `userdb {\n  driver = passwd-file\n  args = username_format=%u ${path.join(dir, 'passwd')}\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      `service stats {\n  unix_listener stats-writer {\n    mode = 0666\n  }\n}`,
      '',
    ].join('\n'),
  );

  let child: ChildProcess | null = null;
  const start = async () => {
    // Its own process group, so that stopping it stops its IMAP processes too (their clients see the server go).
    child = spawn(binary, ['-F', '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
    const deadline = Date.now() + 15_000;
    while (!(await listening(port))) {
      if (child.exitCode !== null || Date.now() > deadline) {
        const log = fs.existsSync(path.join(dir, 'dovecot.log')) ? fs.readFileSync(path.join(dir, 'dovecot.log'), 'utf8') : '';
        throw new Error(`dovecot did not start: ${stderr}${log.slice(-2000)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      process.kill(-running.pid!, 'SIGTERM');
    });
    // dovecot's master stops its children itself; wait until the port is free.
    for (let i = 0; i < 50 && (await listening(port)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  };
  const folderDir = (folder = 'INBOX') => (folder === 'INBOX' ? mailRoot : path.join(mailRoot, `.${folder}`));
  let counter = 0;
  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    deliver(raw, folder) {
      const target = folderDir(folder);
      for (const sub of ['', 'new', 'cur', 'tmp']) {
        fs.mkdirSync(path.join(target, sub), { recursive: true });
        own(path.join(target, sub));
      }
      const name = `${Date.now()}.M${++counter}P${process.pid}.test`;
      fs.writeFileSync(path.join(target, 'tmp', name), raw);
      fs.renameSync(path.join(target, 'tmp', name), path.join(target, 'new', name));
      return name;
    },
    list(folder) {
      const target = folderDir(folder);
      return ['new', 'cur'].flatMap((sub) => (fs.existsSync(path.join(target, sub)) ? fs.readdirSync(path.join(target, sub)) : []));
    },
    stop,
    start,
    env: () => ({
      INBOX_IMAP_HOST: '127.0.0.1',
      INBOX_IMAP_PORT: String(port),
      INBOX_IMAP_SECURE: 'false',
      INBOX_IMAP_USER: user,
      INBOX_IMAP_PASSWORD: password,
    }),
    async close() {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
