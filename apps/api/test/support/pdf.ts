import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/** supertest parser keeping the body as bytes. */
export const binary = (res: unknown, callback: (err: Error | null, body: Buffer) => void): void => {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => callback(null, Buffer.concat(chunks)));
  stream.on('error', (err: Error) => callback(err, Buffer.alloc(0)));
};

/** Text of a PDF with poppler-utils' pdftotext, ordinary spaces instead of U+00A0/U+202F. */
export function pdfText(pdf: Buffer): string {
  return execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf, maxBuffer: 64 * 1024 * 1024 })
    .toString('utf8')
    .replace(/[\u00a0\u202f]/g, ' ');
}

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
