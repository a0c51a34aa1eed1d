// Renderer Worker: base64 → bytes → ImageBitmap, transferred back without a copy, so neither the
// string decoding nor the image decoding of a large scan touches the UI thread.
import { base64ToBlob } from './base64';

type Request = { id: number; mime: string; base64: string };
type WorkerScope = {
  onmessage: ((event: MessageEvent<Request>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
};

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, mime, base64 } = event.data;
  createImageBitmap(base64ToBlob(base64, mime)).then(
    (bitmap) => scope.postMessage({ id, bitmap }, [bitmap]),
    // The message names no image content: it is the browser's decoding error only.
    (error: unknown) => scope.postMessage({ id, error: error instanceof Error ? error.message : 'The image could not be decoded.' }),
  );
};
