/**
 * Scans a file with ClamAV's daemon over its INSTREAM command (clamd's documented protocol:
 * "zINSTREAM\0", then chunks each prefixed by a 4-byte big-endian length, then a zero length).
 * The answer is "stream: OK", "stream: <signature> FOUND" or "... ERROR".
 */
import net from 'net';

export type ClamdAddress = { host: string; port: number } | { socket: string };

export interface ScanResult {
  clean: boolean;
  /** The signature name when infected. */
  signature: string | null;
}

const CHUNK = 64 * 1024;

/** Throws when clamd cannot be reached or answers with an error; the caller refuses the file then. */
export function scanBuffer(address: ClamdAddress, data: Buffer, timeoutMs = 30_000): Promise<ScanResult> {
  return new Promise((resolve, reject) => {
    const socket = 'socket' in address ? net.createConnection(address.socket) : net.createConnection(address.port, address.host);
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('clamd: timeout')));
    socket.on('error', reject);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('end', () => {
      const answer = Buffer.concat(chunks).toString('utf8').replace(/\0/g, '').trim();
      const found = /^stream: (.+) FOUND$/.exec(answer);
      if (found) resolve({ clean: false, signature: found[1] });
      else if (answer === 'stream: OK') resolve({ clean: true, signature: null });
      else reject(new Error(`clamd: ${answer || 'no answer'}`));
    });
    socket.on('connect', () => {
      socket.write('zINSTREAM\0');
      for (let offset = 0; offset < data.length; offset += CHUNK) {
        const part = data.subarray(offset, offset + CHUNK);
        const size = Buffer.alloc(4);
        size.writeUInt32BE(part.length);
        socket.write(size);
        socket.write(part);
      }
      socket.end(Buffer.alloc(4));
    });
  });
}
