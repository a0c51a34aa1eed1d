// Upload format recognition (RAW-API §9.3): magic bytes and pixel size of real encoder output.
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { SPECIMEN_PNG, sniffImage } from '../../../../../main/demo/emulator/image-sniff';

describe('image sniffing', () => {
  it('recognises JPEG and reads its size from the frame header', async () => {
    const bytes = await sharp({ create: { width: 321, height: 123, channels: 3, background: '#336699' } }).jpeg().toBuffer();
    expect(sniffImage(bytes)).toEqual({ mime: 'image/jpeg', fileType: 1, extension: 'jpg', width: 321, height: 123 });
  });

  it('recognises progressive JPEG too', async () => {
    const bytes = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#000' } }).jpeg({ progressive: true }).toBuffer();
    expect(sniffImage(bytes)).toMatchObject({ width: 40, height: 30 });
  });

  it('recognises PNG and reads its size from IHDR', async () => {
    const bytes = await sharp({ create: { width: 17, height: 9, channels: 4, background: '#ffffff' } }).png().toBuffer();
    expect(sniffImage(bytes)).toEqual({ mime: 'image/png', fileType: 2, extension: 'png', width: 17, height: 9 });
    expect(sniffImage(SPECIMEN_PNG)).toMatchObject({ width: 1, height: 1 });
  });

  it('refuses other formats and fragments, and gives size 0 for a cut-off JPEG', async () => {
    const gif = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#000' } }).gif().toBuffer();
    expect(sniffImage(gif)).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ mime: 'image/jpeg', width: 0, height: 0 });
  });
});
