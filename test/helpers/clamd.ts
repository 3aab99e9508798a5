/**
 * A real ClamAV daemon (Debian's clamav-daemon) for tests. The signature download is not
 * reachable here, so it starts with a local signature file holding the EICAR test file's hash.
 */
import fs from 'fs';
import net from 'net';
import os from 'os';
import path from 'path';
import { spawn, type ChildProcess } from 'child_process';
import { freePort } from './smtp';

/** The EICAR anti-virus test file (harmless by design, detected by every scanner). */
export const EICAR = 'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*';
const EICAR_MD5 = '44d88612fea8a8f36de82e1278abb02f';

export interface TestClamd {
  host: string;
  port: number;
  stop(): Promise<void>;
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.createConnection(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(1000, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => resolve(false));
    socket.on('close', () => resolve(answer.includes('PONG')));
    socket.on('connect', () => socket.end('zPING\0'));
  });
}

export async function startClamd(): Promise<TestClamd> {
  const binary = ['/usr/sbin/clamd', '/usr/bin/clamd'].find((candidate) => fs.existsSync(candidate));
  if (!binary) throw new Error('clamd is not installed (Debian package clamav-daemon; .ci/run installs it)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clamd-'));
  fs.mkdirSync(path.join(dir, 'db'));
  fs.writeFileSync(path.join(dir, 'db', 'eicar.hdb'), `${EICAR_MD5}:${EICAR.length}:Eicar-Test-Signature\n`);
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, 'clamd.conf'),
    [
      `Foreground yes`,
      `DatabaseDirectory ${path.join(dir, 'db')}`,
      `TCPSocket ${port}`,
      `TCPAddr 127.0.0.1`,
      `LogFile ${path.join(dir, 'clamd.log')}`,
      `PidFile ${path.join(dir, 'clamd.pid')}`,
    ].join('\n'),
  );
  const child: ChildProcess = spawn(binary, ['-c', path.join(dir, 'clamd.conf')], { stdio: 'ignore' });
  const deadline = Date.now() + 60_000;
  while (!(await ping(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      const log = fs.existsSync(path.join(dir, 'clamd.log')) ? fs.readFileSync(path.join(dir, 'clamd.log'), 'utf8') : '';
      throw new Error(`clamd did not start: ${log.slice(-500)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    host: '127.0.0.1',
    port,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
