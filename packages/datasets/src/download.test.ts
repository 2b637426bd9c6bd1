import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ValueError } from '@strata-ml/core';
import { DownloadError, getFile } from './download';
import type { DownloadProgress } from './download-progress';
import { partialFileName } from './partial-files';

const FIXTURE = Buffer.from('IDX fixture bytes: 0123456789abcdef\n'.repeat(1000));
const FIXTURE_SHA = createHash('sha256').update(FIXTURE).digest('hex');

describe('getFile', () => {
  let server: http.Server;
  let base: string;
  let cacheDir: string;
  const hits: string[] = [];
  // Responses the tests leave hanging, ended in afterEach so that the server can close.
  const hanging: http.ServerResponse[] = [];
  let flaky = 0;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/data/fixture.bin') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(FIXTURE);
      } else if (req.url === '/broken.bin') {
        res.writeHead(200, { 'content-length': String(FIXTURE.length) });
        res.write(FIXTURE.subarray(0, 100));
        setTimeout(() => res.destroy(), 10);
      } else if (req.url === '/silent.bin') {
        hanging.push(res);
      } else if (req.url === '/stall.bin') {
        res.writeHead(200, { 'content-length': String(FIXTURE.length) });
        res.write(FIXTURE.subarray(0, 1000));
        hanging.push(res);
      } else if (req.url === '/flaky.bin') {
        flaky += 1;
        if (flaky <= 2) {
          res.writeHead(503, { 'content-type': 'text/plain' });
          res.end('busy');
        } else {
          res.writeHead(200, { 'content-length': String(FIXTURE.length) });
          res.end(FIXTURE);
        }
      } else if (req.url === '/slow.bin') {
        res.writeHead(200, { 'content-length': String(FIXTURE.length) });
        let sent = 0;
        const tick = setInterval(() => {
          res.write(FIXTURE.subarray(sent, sent + 4000));
          sent += 4000;
          if (sent >= FIXTURE.length) {
            clearInterval(tick);
            res.end();
          }
        }, 5);
        res.on('close', () => clearInterval(tick));
      } else if (req.url === '/moved') {
        res.writeHead(302, { location: '/data/fixture.bin' });
        res.end();
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not here');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  });

  beforeEach(() => {
    hits.length = 0;
    flaky = 0;
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-getfile-'));
  });
  afterEach(() => {
    for (const res of hanging.splice(0)) res.destroy();
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  it('downloads into the cache, verifies the checksum, and serves later calls from the cache', async () => {
    const file = await getFile(`${base}/data/fixture.bin`, { cacheDir, sha256: FIXTURE_SHA });
    expect(file).toBe(path.join(cacheDir, 'fixture.bin'));
    expect(fs.readFileSync(file).equals(FIXTURE)).toBe(true);
    expect(fs.readdirSync(cacheDir)).toEqual(['fixture.bin']);
    expect(hits).toEqual(['/data/fixture.bin']);

    const again = await getFile(`${base}/data/fixture.bin`, { cacheDir, sha256: FIXTURE_SHA.toUpperCase() });
    expect(again).toBe(file);
    expect(hits).toHaveLength(1);
  });

  it('follows redirects and honours fileName', async () => {
    const file = await getFile(`${base}/moved`, { cacheDir, fileName: 'renamed.bin' });
    expect(file).toBe(path.join(cacheDir, 'renamed.bin'));
    expect(fs.readFileSync(file).equals(FIXTURE)).toBe(true);
    expect(hits).toEqual(['/moved', '/data/fixture.bin']);
  });

  it('rejects a checksum mismatch and leaves nothing in the cache', async () => {
    const wrong = '0'.repeat(64);
    const attempt = getFile(`${base}/data/fixture.bin`, { cacheDir, sha256: wrong });
    await expect(attempt).rejects.toThrow(DownloadError);
    await expect(getFile(`${base}/data/fixture.bin`, { cacheDir, sha256: wrong })).rejects.toThrow(
      `getFile: checksum mismatch for ${base}/data/fixture.bin: expected sha256 ${wrong}, received ${FIXTURE_SHA}`,
    );
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('downloads again when the cached copy does not match the checksum', async () => {
    fs.writeFileSync(path.join(cacheDir, 'fixture.bin'), 'stale');
    const file = await getFile(`${base}/data/fixture.bin`, { cacheDir, sha256: FIXTURE_SHA });
    expect(fs.readFileSync(file).equals(FIXTURE)).toBe(true);
    expect(hits).toHaveLength(1);
  });

  it('reports the HTTP status and caches nothing', async () => {
    await expect(getFile(`${base}/absent.bin`, { cacheDir })).rejects.toThrow(
      `getFile: cannot download ${base}/absent.bin: HTTP 404 Not Found`,
    );
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('reports a connection that breaks off mid-body and caches nothing', async () => {
    await expect(getFile(`${base}/broken.bin`, { cacheDir, retries: 1, retryDelayMs: 1 })).rejects.toThrow(
      new RegExp(`^getFile: download of ${base}/broken.bin broke off: .* \\(gave up after 2 attempts\\)$`),
    );
    expect(hits).toEqual(['/broken.bin', '/broken.bin']);
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('reports a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(getFile(`http://127.0.0.1:${port}/x.bin`, { cacheDir, retries: 1, retryDelayMs: 1 })).rejects.toThrow(
      `getFile: cannot download http://127.0.0.1:${port}/x.bin: connect ECONNREFUSED 127.0.0.1:${port} (gave up after 2 attempts)`,
    );
  });

  it('gives up on a server that never answers after timeoutMs, per attempt, and caches nothing', async () => {
    const start = Date.now();
    await expect(getFile(`${base}/silent.bin`, { cacheDir, timeoutMs: 200, retries: 1, retryDelayMs: 10 })).rejects.toThrow(
      `getFile: no response from ${base}/silent.bin within 200 ms (gave up after 2 attempts)`,
    );
    const elapsed = Date.now() - start;
    expect(elapsed).toBeGreaterThanOrEqual(400);
    expect(elapsed).toBeLessThan(3000);
    expect(hits).toEqual(['/silent.bin', '/silent.bin']);
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('gives up on a body that stalls midway and caches nothing', async () => {
    const attempt = getFile(`${base}/stall.bin`, { cacheDir, timeoutMs: 200, retries: 0 });
    await expect(attempt).rejects.toThrow(`getFile: download of ${base}/stall.bin stalled: no data for 200 ms`);
    await expect(attempt).rejects.toMatchObject({ transient: true });
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('keeps a slow download that never pauses for timeoutMs', async () => {
    const file = await getFile(`${base}/slow.bin`, { cacheDir, timeoutMs: 500, sha256: FIXTURE_SHA });
    expect(fs.readFileSync(file).equals(FIXTURE)).toBe(true);
  });

  it('retries transient HTTP errors with a doubling back-off', async () => {
    const start = Date.now();
    const file = await getFile(`${base}/flaky.bin`, { cacheDir, retries: 2, retryDelayMs: 100, sha256: FIXTURE_SHA });
    // Waits of 100 then 200 ms between the three attempts.
    expect(Date.now() - start).toBeGreaterThanOrEqual(300);
    expect(hits).toEqual(['/flaky.bin', '/flaky.bin', '/flaky.bin']);
    expect(fs.readFileSync(file).equals(FIXTURE)).toBe(true);
    expect(fs.readdirSync(cacheDir)).toEqual(['flaky.bin']);
  });

  it('stops retrying when the retries are spent, and never retries a permanent error', async () => {
    await expect(getFile(`${base}/flaky.bin`, { cacheDir, retries: 1, retryDelayMs: 1 })).rejects.toThrow(
      `getFile: cannot download ${base}/flaky.bin: HTTP 503 Service Unavailable (gave up after 2 attempts)`,
    );
    await expect(getFile(`${base}/absent.bin`, { cacheDir, retries: 5, retryDelayMs: 1 })).rejects.toMatchObject({
      transient: false,
    });
    expect(hits.filter((h) => h === '/absent.bin')).toHaveLength(1);
  });

  it('stops at once on an AbortSignal, mid-body or between attempts, and caches nothing', async () => {
    const controller = new AbortController();
    const pending = getFile(`${base}/stall.bin`, { cacheDir, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('user gave up')), 100);
    await expect(pending).rejects.toThrow(`getFile: download of ${base}/stall.bin was aborted`);
    await expect(pending).rejects.toMatchObject({ cause: new Error('user gave up') });

    const waiting = new AbortController();
    const start = Date.now();
    const retrying = getFile(`${base}/flaky.bin`, { cacheDir, retryDelayMs: 60_000, signal: waiting.signal });
    setTimeout(() => waiting.abort(), 100);
    await expect(retrying).rejects.toThrow(`getFile: download of ${base}/flaky.bin was aborted`);
    expect(Date.now() - start).toBeLessThan(5000);

    await expect(getFile(`${base}/data/fixture.bin`, { cacheDir, signal: AbortSignal.abort() })).rejects.toThrow(
      `getFile: download of ${base}/data/fixture.bin was aborted`,
    );
    expect(hits.filter((h) => h === '/data/fixture.bin')).toEqual([]);
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('reports progress against the announced size', async () => {
    const updates: DownloadProgress[] = [];
    await getFile(`${base}/slow.bin`, { cacheDir, progress: (p) => updates.push(p) });
    expect(updates.length).toBeGreaterThan(2);
    const received = updates.map((u) => u.receivedBytes);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    expect(updates.every((u) => u.totalBytes === FIXTURE.length && u.url === `${base}/slow.bin`)).toBe(true);
    expect(updates.at(-1)).toEqual({ url: `${base}/slow.bin`, receivedBytes: FIXTURE.length, totalBytes: FIXTURE.length, done: true });
    expect(updates.slice(0, -1).every((u) => !u.done)).toBe(true);
  });

  it('removes partial files that a killed download left, and keeps those of live ones', async () => {
    const orphan = path.join(cacheDir, partialFileName('fixture.bin', 'x').replace(`.${process.pid}.`, '.999999999.'));
    const live = path.join(cacheDir, partialFileName('fixture.bin', 'y'));
    const old = path.join(cacheDir, '.fixture.bin.otherhost.12.z.part');
    for (const f of [orphan, live, old]) fs.writeFileSync(f, 'partial');
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    fs.utimesSync(old, dayAgo, dayAgo);
    await getFile(`${base}/data/fixture.bin`, { cacheDir });
    expect(fs.readdirSync(cacheDir).sort()).toEqual([path.basename(live), 'fixture.bin'].sort());
  });

  it('validates its arguments', async () => {
    await expect(getFile('ftp://example.org/a', { cacheDir })).rejects.toThrow(
      'getFile: url must be an absolute http(s) URL; received url="ftp://example.org/a"',
    );
    await expect(getFile('not a url', { cacheDir })).rejects.toThrow(ValueError);
    await expect(getFile(`${base}/data/`, { cacheDir })).rejects.toThrow(
      'getFile: fileName must be a plain file name; received fileName=""',
    );
    await expect(getFile(`${base}/a.bin`, { cacheDir, fileName: '../a.bin' })).rejects.toThrow(
      'getFile: fileName must be a plain file name; received fileName="../a.bin"',
    );
    await expect(getFile(`${base}/a.bin`, { cacheDir, sha256: 'abc' })).rejects.toThrow(
      'getFile: sha256 must be 64 hex digits; received sha256="abc"',
    );
    await expect(getFile(`${base}/a.bin`, { cacheDir, timeoutMs: 0 })).rejects.toThrow(
      'getFile: timeoutMs must be a positive integer; received timeoutMs=0',
    );
    await expect(getFile(`${base}/a.bin`, { cacheDir, retries: -1 })).rejects.toThrow(
      'getFile: retries must be a non-negative integer; received retries=-1',
    );
    expect(hits).toEqual([]);
  });
});
