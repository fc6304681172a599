// Held promises of issue 18 that had no test: `serve` answers 2,000 requests, 50 at a time, right
// and stays up, on 127.0.0.1 only; `watch` given 10 edits in 2.5 s builds the last text.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PreviewServer } from '../../src/serve/preview-server.js';
import { ensureBuilt, startLectern } from '../helpers/cli.js';

function get(port: number, path: string, agent: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, agent }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Whether a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('serve under load', () => {
  let dir: string;
  let server: PreviewServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lectern-serve-load-'));
    const out = join(dir, 'out');
    mkdirSync(join(out, 'm', 'lesson'), { recursive: true });
    writeFileSync(join(dir, 'secret.txt'), 'outside the output folder');
    writeFileSync(join(out, 'index.html'), '<html><head></head><body>index page</body></html>');
    writeFileSync(join(out, 'm', 'lesson', 'deck.md'), `# Deck\n\n${'A line of the deck.\n'.repeat(2000)}`);
    server = await PreviewServer.start({ root: out, port: 0 });
  });

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers 2,000 requests, 50 at a time, each right, and never anything outside the output folder', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 50 });
    const paths = ['/', '/m/lesson/deck.md', '/../secret.txt', '/%2e%2e/secret.txt', '/m/..%2f..%2fsecret.txt', '/nothing.html'];
    const expected = [200, 200, 404, 404, 404, 404];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < 2000) {
        const index = next++;
        const path = paths[index % paths.length]!;
        const res = await get(server.port, path, agent);
        expect(res.status, path).toBe(expected[index % paths.length]);
        expect(res.body).not.toContain('outside the output folder');
        if (path === '/m/lesson/deck.md') expect(res.body.length).toBeGreaterThan(2000 * 19);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
    };
    await Promise.all(Array.from({ length: 50 }, worker));
    agent.destroy();
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(2000);
    // Still up afterwards, on fresh connections.
    const fresh = new Agent({ keepAlive: false });
    expect((await get(server.port, '/', fresh)).status).toBe(200);
    fresh.destroy();
  }, 60_000);

  it('listens on 127.0.0.1 only: another address of this machine is refused (the twin: loopback is accepted)', async () => {
    expect(await accepts('127.0.0.1', server.port)).toBe(true);
    const others = Object.values(networkInterfaces())
      .flat()
      .filter((address) => address && address.family === 'IPv4' && !address.internal)
      .map((address) => address!.address);
    for (const address of others) expect(await accepts(address, server.port), address).toBe(false);
    // A machine with no other address still shows the loopback limit: 127.0.0.2 is loopback too, but not ours.
    expect(await accepts('127.0.0.2', server.port)).toBe(false);
  });
});

describe('watch given 10 edits in 2.5 s', () => {
  let dir: string;
  beforeAll(() => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'lectern-watch-burst-'));
    mkdirSync(join(dir, 'course', 'module-1'), { recursive: true });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const text = (edit: number) => `# Lesson 1.1: Edits\n\n## Learning Objectives\n\n- Explain edits\n\n## Key Concepts\n\nThis is edit number ${edit} of the lesson.\n`;

  it('builds the final text, and ends with it on disk', async () => {
    const lesson = join(dir, 'course', 'module-1', '1.1-edits.md');
    writeFileSync(lesson, text(0));
    const cli = startLectern(['watch', 'course', '--out', 'out', '--formats', 'deck', '--to', 'md'], dir);
    const deck = join(dir, 'out', 'module-1', '1.1-edits', 'deck.md');
    const deckText = () => {
      try {
        return readFileSync(deck, 'utf8');
      } catch {
        return '';
      }
    };
    try {
      await cli.waitFor(() => /Watching course/.test(cli.stderr), 'the first build');
      expect(deckText()).toContain('edit number 0 ');
      for (let edit = 1; edit <= 10; edit++) {
        writeFileSync(lesson, text(edit));
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      await cli.waitFor(() => deckText().includes('edit number 10 '), 'the last edit in deck.md');
      // Whatever was still building when the last edit came has finished by now, and lost.
      await cli.waitFor(() => /rebuilt 1\.1-edits/.test(cli.stderr), 'a rebuild line');
      cli.child.kill('SIGINT');
      expect(await cli.exited).toBe(130);
      expect(deckText()).toContain('edit number 10 ');
      expect(deckText()).not.toMatch(/edit number [0-9] /);
      expect(cli.stderr).not.toContain('bug in Lectern');
    } finally {
      await cli.stop();
    }
  }, 90_000);
});
