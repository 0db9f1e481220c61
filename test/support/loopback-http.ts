import http, { type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as a loopback server received it, body included. */
export interface ReceivedRequest {
  method: string;
  /** Path and query, e.g. `/api/v2/organizations?take=100`. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface LoopbackServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  stop(): Promise<void>;
}

/** A plain HTTP server on a free loopback port that records every request before `handle` answers. */
export async function startLoopbackServer(
  handle: (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>,
): Promise<LoopbackServer> {
  const requests: ReceivedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      void Promise.resolve(handle(request, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function answerJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  });
  response.end(text);
}

/**
 * Writes `totalBytes` (Infinity: without end) in 64 KB chunks, as fast as the client takes them and no
 * faster (each write waits for the socket to drain), until done or the client hangs up. Resolves with
 * the bytes handed to the socket: what the client had to take in, or at least to buffer.
 */
export function streamBody(
  response: ServerResponse,
  totalBytes: number,
  chunk: Buffer = Buffer.alloc(64 * 1024, 'x'),
): Promise<number> {
  return new Promise((resolve) => {
    let written = 0;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      resolve(written);
    };
    response.on('close', finish);
    const pump = () => {
      while (!response.destroyed && written < totalBytes) {
        const piece = chunk.subarray(0, Math.min(chunk.length, totalBytes - written));
        written += piece.length;
        if (!response.write(piece)) {
          response.once('drain', pump);
          return;
        }
      }
      if (written >= totalBytes) response.end(finish);
    };
    pump();
  });
}
