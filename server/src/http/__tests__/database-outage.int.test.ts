import { expect } from 'chai';
import net from 'node:net';
import { Writable } from 'node:stream';
import { Agent } from '../../../test/agent.ts';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/database.ts';
import { createLogger } from '../../logger.ts';

/** A TCP relay to PostgreSQL that can be cut and restored, like a network outage. */
class Relay {
  private server?: net.Server;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly host: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => {});
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

describe('database outage', () => {
  let db: TestDatabase;
  let relay: Relay;
  let app: TestApp;
  const lines: string[] = [];

  before(async () => {
    db = await createTestDatabase();
    const url = new URL(db.appUrl);
    relay = new Relay(url.hostname, Number(url.port || 5432));
    await relay.start();
    url.hostname = '127.0.0.1';
    url.port = String(relay.port);
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    app = await startTestApp(
      db,
      { LOG_LEVEL: 'info' },
      {
        appUrl: url.toString(),
        logger: createLogger('info', sink),
      },
    );
  });
  after(async () => {
    await app?.stop().catch(() => {});
    await relay?.cut();
    await db?.drop();
  });

  it('answers 503 with Retry-After within 5 seconds, logs as JSON and resumes on its own', async () => {
    const agent = new Agent(app.baseUrl);
    await agent.login('wijchen-caseworker');
    expect((await agent.get('/api/v1/cases')).status).to.equal(200);

    await relay.cut();
    const started = Date.now();
    const down = await agent.get('/api/v1/cases');
    const took = Date.now() - started;
    expect(down.status).to.equal(503);
    expect(down.headers.get('retry-after')).to.equal('5');
    expect(down.headers.get('content-type')).to.match(/problem\+json/);
    expect(down.json<{ title: string }>().title).to.match(/tijdelijk niet beschikbaar/);
    expect(took).to.be.lessThan(6000);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; level: number });
    expect(logged.some((l) => /session store error|database unavailable/.test(l.msg))).to.equal(
      true,
    );

    await relay.start();
    const up = await agent.get('/api/v1/cases');
    expect(up.status).to.equal(200);
  });
});
