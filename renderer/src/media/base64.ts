// Base64 ↔ bytes for images crossing the contract (renderer: window or worker). Chunked so a
// 20 MB scan does not build one giant intermediate string or blow the argument limit.
const CHUNK = 0x8000;

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

export async function blobToBase64(blob: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await blob.arrayBuffer()));
}

export function base64ToBlob(base64: string, type: string): Blob {
  return new Blob([base64ToBytes(base64) as Uint8Array<ArrayBuffer>], { type });
}
