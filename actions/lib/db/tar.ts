import { createHash } from 'node:crypto';
import {
  closeSync,
  createReadStream,
  createWriteStream,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

/*
 * The data-directory archives (the one prepared at build time, which PGlite's dumpDataDir writes, and the states
 * state-cache.ts saves) hold plain files and folders only, so this reads and writes just that much of tar. node-tar
 * (npm's own) was tried in its place: the same extraction took PGlite's boot from ~0.65 s to ~0.9 s (its per-entry
 * stream machinery on ~700 small files, where this writes 32 files at once), and boot is on every check's path.
 */
const BLOCK = 512;
const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * Unpacks a tar of plain files and folders, gzipped or not (PGlite's dumpDataDir writes one, packTar the other), into
 * `dir`, streaming: the 40 MB data directory never sits in memory whole. With `sha256` the archive's bytes must hash
 * to it, or this throws (after writing what it read: the caller discards `dir`).
 */
export async function extractTar(archive: string, dir: string, expect: { sha256?: string } = {}): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const gzipped = isGzip(archive);
  const hash = createHash('sha256');
  const sink = new TarSink(archive, dir);
  await pipeline(
    createReadStream(archive),
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    }),
    ...(gzipped ? [createGunzip()] : []),
    sink.writable(),
  );
  await sink.finish();
  if (expect.sha256 && hash.digest('hex') !== expect.sha256) throw new Error(`${archive} does not match its checksum`);
}

/** Packs the files and folders under `dir` into an uncompressed tar at `file`; returns the archive's sha256. */
export async function packTar(dir: string, file: string): Promise<string> {
  const hash = createHash('sha256');
  const entries = function* (): Generator<Buffer> {
    const walk = function* (relative: string): Generator<Buffer> {
      const names = readdirSync(join(dir, relative), { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
      );
      for (const entry of names) {
        const path = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          yield header(path, 0, '5');
          yield* walk(path);
        } else if (entry.isFile()) {
          const contents = readFileSync(join(dir, path));
          yield header(path, contents.length, '0');
          yield contents;
          const pad = padding(contents.length);
          if (pad) yield Buffer.alloc(pad);
        }
      }
    };
    yield* walk('');
    yield Buffer.alloc(BLOCK * 2);
  };
  await pipeline(
    Readable.from(entries()),
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        callback(null, chunk);
      },
    }),
    createWriteStream(file),
  );
  return hash.digest('hex');
}

function isGzip(file: string): boolean {
  const head = Buffer.alloc(2);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, 2, 0);
  } finally {
    closeSync(fd);
  }
  return head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
}

/** A ustar header; names longer than 100 bytes go to the prefix field. */
function header(path: string, size: number, type: '0' | '5'): Buffer {
  const block = Buffer.alloc(BLOCK);
  let name = path;
  let prefix = '';
  if (Buffer.byteLength(name) > 100) {
    const cut = path.lastIndexOf('/', path.length - 1);
    prefix = path.slice(0, cut);
    name = path.slice(cut + 1);
    if (Buffer.byteLength(name) > 100 || Buffer.byteLength(prefix) > 155)
      throw new Error(`path too long for tar: ${path}`);
  }
  block.write(name, 0, 100, 'utf8');
  block.write(type === '5' ? '0000755\0' : '0000644\0', 100, 8, 'ascii');
  block.write('0000000\0', 108, 8, 'ascii');
  block.write('0000000\0', 116, 8, 'ascii');
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 12, 'ascii');
  block.write('00000000000\0', 136, 12, 'ascii');
  block.write('        ', 148, 8, 'ascii');
  block.write(type, 156, 1, 'ascii');
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  block.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

/** Consumes tar bytes as they arrive and writes each file under `dir`. */
class TarSink {
  private pending: Buffer = Buffer.alloc(0);
  private file: { path: string; size: number; chunks: Buffer[]; received: number } | undefined;
  private skip = 0;
  private ended = false;
  private writes: Promise<void>[] = [];

  constructor(
    private readonly archive: string,
    private readonly dir: string,
  ) {}

  writable(): Writable {
    return new Writable({
      write: (chunk: Buffer, _encoding, callback) => {
        try {
          this.pending = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
          this.consume();
        } catch (error) {
          callback(error as Error);
          return;
        }
        if (this.writes.length < 32) return callback();
        const batch = this.writes;
        this.writes = [];
        Promise.all(batch).then(() => callback(), callback);
      },
    });
  }

  async finish(): Promise<void> {
    await Promise.all(this.writes);
    if (this.file || !this.ended) throw new Error(`${this.archive} is truncated`);
  }

  private consume(): void {
    for (;;) {
      if (this.ended) return;
      if (this.skip > 0) {
        const n = Math.min(this.skip, this.pending.length);
        this.pending = this.pending.subarray(n);
        this.skip -= n;
        if (this.skip > 0) return;
      }
      const file = this.file;
      if (file) {
        const n = Math.min(file.size - file.received, this.pending.length);
        if (n > 0) file.chunks.push(Buffer.from(this.pending.subarray(0, n)));
        this.pending = this.pending.subarray(n);
        file.received += n;
        if (file.received < file.size) return;
        // Creating a file costs more than its bytes (the directory holds ~700 small ones): several are written at once.
        this.writes.push(writeFile(file.path, Buffer.concat(file.chunks)));
        this.skip = padding(file.size);
        this.file = undefined;
        continue;
      }
      if (this.pending.length < BLOCK) return;
      const block = this.pending.subarray(0, BLOCK);
      this.pending = this.pending.subarray(BLOCK);
      if (block.every((b) => b === 0)) {
        this.ended = true;
        return;
      }
      this.entry(block);
    }
  }

  private entry(block: Buffer): void {
    if (!validChecksum(block)) throw new Error(`${this.archive} is corrupt (bad tar header)`);
    const prefix = field(block, 345, 155);
    const name = prefix ? `${prefix}/${field(block, 0, 100)}` : field(block, 0, 100);
    const size = parseInt(field(block, 124, 12) || '0', 8);
    const type = String.fromCharCode(block[156]!);
    const path = inside(this.dir, name);
    if (type === '5') {
      mkdirSync(path, { recursive: true });
      this.skip = size + padding(size);
    } else if (type === '0' || type === '\0') {
      mkdirSync(dirname(path), { recursive: true });
      this.file = { path, size, chunks: [], received: 0 };
    } else {
      throw new Error(`${this.archive}: unsupported tar entry type '${type}' for ${name}`);
    }
  }
}

function validChecksum(block: Buffer): boolean {
  const stored = parseInt(field(block, 148, 8), 8);
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
  return sum === stored;
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}

function field(block: Buffer, offset: number, length: number): string {
  const bytes = block.subarray(offset, offset + length);
  const end = bytes.indexOf(0);
  return bytes
    .subarray(0, end === -1 ? length : end)
    .toString('utf8')
    .trim();
}

/** The entry's path under `dir`; PGlite writes names with a leading slash, and nothing may land outside `dir`. */
function inside(dir: string, name: string): string {
  const relative = normalize(name.replace(/^\/+/, ''));
  if (relative === '..' || relative.startsWith(`..${sep}`)) throw new Error(`tar entry ${name} points outside`);
  return join(dir, relative);
}
