import { BodyTooLarge, readCappedBody } from '../../src/providers/http/capped-body';

/** A response whose body arrives in exactly these chunks. */
function chunked(chunks: Uint8Array[], headers: Record<string, string> = {}): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
  return new Response(stream, { headers });
}

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));

/** The same bytes split at the given offsets. */
function split(all: Uint8Array, ...at: number[]): Uint8Array[] {
  const cuts = [0, ...at, all.length];
  return cuts.slice(1).map((end, i) => all.slice(cuts[i], end));
}

describe('readCappedBody', () => {
  it('reads ASCII chunks as they are', async () => {
    const text = JSON.stringify({ organizations: [{ id: 'org_1', name: 'Acme' }], total: 1 });
    expect(await readCappedBody(chunked(split(bytes(text), 5, 17, 30)), 1024)).toBe(text);
  });

  it('reads UTF-8 as response.text() does: characters split across chunks, and after ASCII chunks', async () => {
    const text = '{"name":"Zoë Müller – 東京","city":"Kraków"} and then ASCII again';
    const all = bytes(text);
    const zoe = all.indexOf(0xc3); // the first byte of ë: its second arrives in the next chunk
    for (const chunks of [split(all, zoe + 1), split(all, 3, zoe + 1, zoe + 6, all.length - 10)]) {
      expect(await readCappedBody(chunked(chunks), 1024)).toBe(text);
      expect(await readCappedBody(chunked(chunks), 1024)).toBe(await chunked(chunks).text());
    }
  });

  it('drops a UTF-8 byte-order mark, as response.text() does', async () => {
    const all = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes('{"ok":true}')]);
    expect(await readCappedBody(chunked(split(all, 2, 6)), 1024)).toBe('{"ok":true}');
  });

  it('gives up past the cap, however the body is chunked', async () => {
    const all = bytes('x'.repeat(100));
    await expect(readCappedBody(chunked(split(all, 40, 80)), 99)).rejects.toBeInstanceOf(
      BodyTooLarge,
    );
    expect(await readCappedBody(chunked(split(all, 40, 80)), 100)).toBe('x'.repeat(100));
  });
});
