// The off-thread decoder: replies matched to requests by id, and a fallback when no Worker starts.
// happy-dom has no Worker, so a stand-in with the same message protocol plays the worker's part.
import { describe, expect, it, vi } from 'vitest';
import { workerDecoder } from '../../../../renderer/src/media/image-decoder';

type Message = { id: number; mime: string; base64: string };

function stubWorker() {
  const sent: Message[] = [];
  const worker = {
    onmessage: null as ((event: MessageEvent) => void) | null,
    onerror: null as (() => void) | null,
    postMessage: (message: Message) => sent.push(message),
    terminate: vi.fn(),
    reply(data: unknown) {
      worker.onmessage?.({ data } as MessageEvent);
    },
  };
  return { worker, sent };
}

const image = (base64: string) => ({ mime: 'image/png' as const, base64, width: 2, height: 2 });

describe('worker decoder', () => {
  it('resolves each request with its own bitmap, whatever order the replies come in', async () => {
    const { worker, sent } = stubWorker();
    const decoder = workerDecoder(() => worker as unknown as Worker);
    const a = decoder.decode(image('AAAA'));
    const b = decoder.decode(image('BBBB'));
    expect(sent.map((m) => m.base64)).toEqual(['AAAA', 'BBBB']);
    const bitmapA = { close: vi.fn() };
    const bitmapB = { close: vi.fn() };
    worker.reply({ id: sent[1]!.id, bitmap: bitmapB });
    worker.reply({ id: sent[0]!.id, bitmap: bitmapA });
    expect(await a).toBe(bitmapA);
    expect(await b).toBe(bitmapB);
  });

  it('rejects with the worker’s reason and closes a bitmap nobody waits for', async () => {
    const { worker, sent } = stubWorker();
    const decoder = workerDecoder(() => worker as unknown as Worker);
    const failing = decoder.decode(image('CCCC'));
    worker.reply({ id: sent[0]!.id, error: 'The source image cannot be decoded.' });
    await expect(failing).rejects.toThrow('The source image cannot be decoded.');
    const stray = { close: vi.fn() };
    worker.reply({ id: 999, bitmap: stray });
    expect(stray.close).toHaveBeenCalled();
  });

  it('fails waiting requests when the worker dies', async () => {
    const { worker } = stubWorker();
    const decoder = workerDecoder(() => worker as unknown as Worker);
    const pending = decoder.decode(image('DDDD'));
    worker.onerror?.();
    await expect(pending).rejects.toThrow('The image decoder stopped.');
    expect(worker.terminate).toHaveBeenCalled();
  });

  it('decodes in the page when the worker cannot start', async () => {
    const created = vi.spyOn(globalThis, 'createImageBitmap').mockResolvedValue({ width: 2 } as ImageBitmap);
    const decoder = workerDecoder(() => {
      throw new Error('blocked by policy');
    });
    expect(await decoder.decode(image('RUVFRQ=='))).toEqual({ width: 2 });
    const blob = created.mock.calls[0]![0] as Blob;
    expect(blob.type).toBe('image/png');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new TextEncoder().encode('EEEE'));
    created.mockRestore();
  });
});
