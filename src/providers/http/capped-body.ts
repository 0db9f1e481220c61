import { isAscii } from 'node:buffer';
import { bodyRead } from './timeout-signal';

/** The default cap on a provider's response body (ORGRAPH_UPSTREAM_MAX_BODY_MB). */
export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;

/** A body longer than its cap: declared so, or cut off once the cap was passed. */
export class BodyTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`response body larger than ${maxBytes} bytes`);
    this.name = 'BodyTooLarge';
  }
}

/**
 * The body as text, read chunk by chunk and given up past `maxBytes` (decoded bytes, so a compressed
 * body counts at its real size): a declared Content-Length over the cap is refused unread, and a longer
 * stream, endless or not, is cancelled as soon as it passes the cap.
 */
export async function readCappedBody(response: Response, maxBytes: number): Promise<string> {
  try {
    return await readUpTo(response, maxBytes);
  } finally {
    bodyRead(response);
  }
}

async function readUpTo(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await discardBody(response);
    throw new BodyTooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new BodyTooLarge(maxBytes);
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  const body = Buffer.concat(chunks, size);
  // ASCII (most JSON) is its own text byte for byte, read without decoding. Otherwise TextDecoder,
  // as response.text() reads: UTF-8 without a byte-order mark.
  return isAscii(body) ? body.toString('latin1') : new TextDecoder().decode(body);
}

/** Lets a body go unread: the stream is cancelled and its connection closed, not drained. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
  bodyRead(response);
}
