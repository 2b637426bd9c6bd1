import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ValueError } from '@strata-ml/core';
import { DownloadError, getFile } from './download';

const FIXTURE = Buffer.from('IDX fixture bytes: 0123456789abcdef\n'.repeat(1000));
const FIXTURE_SHA = createHash('sha256').update(FIXTURE).digest('hex');

describe('getFile', () => {
  let server: http.Server;
  let base: string;
  let cacheDir: string;
  const hits: string[] = [];

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
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  });

  beforeEach(() => {
    hits.length = 0;
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-getfile-'));
  });
  afterEach(() => fs.rmSync(cacheDir, { recursive: true, force: true }));

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
    await expect(getFile(`${base}/broken.bin`, { cacheDir })).rejects.toThrow(
      new RegExp(`^getFile: download of ${base}/broken.bin broke off: `),
    );
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });

  it('reports a refused connection', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(getFile(`http://127.0.0.1:${port}/x.bin`, { cacheDir })).rejects.toThrow(
      `getFile: cannot download http://127.0.0.1:${port}/x.bin: connect ECONNREFUSED`,
    );
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
    expect(hits).toEqual([]);
  });
});
