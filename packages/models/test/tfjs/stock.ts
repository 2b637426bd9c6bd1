/** Runs stock TF.js (`stock-tfjs.cjs`) in a child process, and serves folders over HTTP on 127.0.0.1 for it. */
import { execFile } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join, normalize } from 'node:path';
import { promisify } from 'node:util';

const SCRIPT = join(__dirname, 'stock-tfjs.cjs');

/** Runs `stock-tfjs.cjs <args>`; rejects with its stderr when it fails. */
export async function runStockTfjs(...args: string[]): Promise<void> {
  try {
    await promisify(execFile)(process.execPath, [SCRIPT, ...args], { timeout: 120_000, maxBuffer: 16 * 2 ** 20 });
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`stock-tfjs ${args[0]} failed: ${err.stderr ?? err.message}`);
  }
}

/** A static file server for `root` on 127.0.0.1 (an ephemeral port); `requests` lists the paths asked for. */
export async function serveFolder(root: string): Promise<{ url: string; server: Server; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const file = join(root, normalize(path));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, server, requests };
}
