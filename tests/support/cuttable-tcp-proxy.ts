import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

// A TCP forwarder in front of a real server (PostgreSQL in the failure drills) that a test can
// cut and restore, like a database host that goes away and comes back. While cut, open
// connections are reset and new ones are closed at once: the client sees a dead server.
// While silenced, nothing is answered and nothing is reset (a host behind a dropped route):
// the client only notices through its own timeouts.

export type CuttableTcpProxy = {
  host: string;
  port: number;
  /** Resets every open connection and refuses new ones until `restore`. */
  cut: () => void;
  /** Silently drops every byte, both ways, on open and new connections until `restore`. */
  silence: () => void;
  /** Ends a cut or a silence; connections that lost bytes while silenced are reset, as TCP would. */
  restore: () => void;
  /**
   * Cuts the moment a client sends bytes containing `text` (e.g. a statement's SQL), before
   * they reach the server: a database lost in the middle of a transaction. Resolves when it did.
   */
  cutWhenClientSends: (text: string) => Promise<void>;
  /** Connections accepted and forwarded so far (a pool that reconnects opens new ones). */
  forwardedConnections: () => number;
  close: () => Promise<void>;
};

export async function startCuttableTcpProxy(target: { host: string; port: number }): Promise<CuttableTcpProxy> {
  const open = new Set<Socket>();
  let isCut = false;
  let isSilent = false;
  const lostBytes = new Set<Socket>();
  let forwarded = 0;
  let trigger: { text: string; fire: () => void } | null = null;

  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    // A reset peer is the expected way a cut connection ends; nothing to report.
    socket.on('error', () => socket.destroy());
  };

  const cut = () => {
    isCut = true;
    for (const socket of open) socket.resetAndDestroy();
  };

  const server = createServer((client) => {
    track(client);
    if (isCut) {
      client.resetAndDestroy();
      return;
    }
    forwarded += 1;
    const upstream = createConnection(target);
    track(upstream);
    client.on('data', (chunk: Buffer) => {
      if (isSilent) {
        lostBytes.add(client);
        return;
      }
      if (trigger && chunk.includes(trigger.text)) {
        const fire = trigger.fire;
        trigger = null;
        cut();
        fire();
        return;
      }
      if (!upstream.write(chunk)) client.pause();
    });
    upstream.on('drain', () => client.resume());
    upstream.on('data', (chunk: Buffer) => {
      if (isSilent) {
        lostBytes.add(client);
        return;
      }
      if (!client.write(chunk)) upstream.pause();
    });
    client.on('drain', () => upstream.resume());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    cut,
    silence: () => {
      isSilent = true;
    },
    restore: () => {
      isCut = false;
      isSilent = false;
      for (const socket of lostBytes) socket.resetAndDestroy();
      lostBytes.clear();
    },
    cutWhenClientSends: (text) =>
      new Promise<void>((resolve) => {
        trigger = { text, fire: resolve };
      }),
    forwardedConnections: () => forwarded,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** The same PostgreSQL URL, reached through the proxy. */
export function throughProxy(databaseUrl: string, proxy: { host: string; port: number }): string {
  const url = new URL(databaseUrl);
  url.hostname = proxy.host;
  url.port = String(proxy.port);
  return url.toString();
}
