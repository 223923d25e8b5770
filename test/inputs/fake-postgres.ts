// A PostgreSQL server that refuses every password, speaking the real wire protocol (v3): it asks for the password
// in clear text (what pg_hba.conf's `password` method does), then answers with the FATAL 28P01 error PostgreSQL sends.
// The local test server trusts 127.0.0.1, so a wrong password cannot be produced there.
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

export interface FakePostgres {
  url(user: string, password: string, database: string): string;
  /** Passwords the clients sent, to prove the client got as far as authenticating. */
  passwords: string[];
  close(): Promise<void>;
}

function message(type: string, body: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 0, 'ascii');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function authenticationCleartextPassword(): Buffer {
  const body = Buffer.alloc(4);
  body.writeInt32BE(3, 0);
  return message('R', body);
}

function errorResponse(fields: Record<string, string>): Buffer {
  const parts = Object.entries(fields).map(([code, value]) => Buffer.from(`${code}${value}\0`, 'utf8'));
  return message('E', Buffer.concat([...parts, Buffer.from([0])]));
}

function cString(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(0, start);
  return buffer.toString('utf8', start, end === -1 ? buffer.length : end);
}

export async function startFakePostgres(): Promise<FakePostgres> {
  const passwords: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    let buffered = Buffer.alloc(0);
    let started = false;
    let user = '';
    socket.on('data', (data: Buffer) => {
      buffered = Buffer.concat([buffered, data]);
      for (;;) {
        if (!started) {
          // Untyped start-up packets: int32 length, int32 code, then parameters.
          if (buffered.length < 8) return;
          const length = buffered.readInt32BE(0);
          if (buffered.length < length) return;
          const code = buffered.readInt32BE(4);
          const packet = buffered.subarray(8, length);
          buffered = buffered.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write('N');
            continue;
          }
          const params = packet.toString('utf8').split('\0');
          user = params[params.indexOf('user') + 1] ?? '';
          started = true;
          socket.write(authenticationCleartextPassword());
          continue;
        }
        if (buffered.length < 5) return;
        const length = buffered.readInt32BE(1);
        if (buffered.length < length + 1) return;
        const type = String.fromCharCode(buffered[0]!);
        const body = buffered.subarray(5, length + 1);
        buffered = buffered.subarray(length + 1);
        if (type === 'p') {
          passwords.push(cString(body, 0));
          socket.end(
            errorResponse({
              S: 'FATAL',
              V: 'FATAL',
              C: '28P01',
              M: `password authentication failed for user "${user}"`,
              F: 'auth.c',
              L: '323',
              R: 'auth_failed',
            }),
          );
          return;
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (user, password, database) =>
      `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    passwords,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
