import etag from 'etag';
import type { Response } from 'express';

/**
 * A computed response with its JSON text, serialised once: a cached value is sent to every later
 * request as the same text (what `res.json` would write), without serialising it again.
 */
export class JsonValue<T> {
  private text: string | undefined;
  private tag: string | undefined;

  constructor(readonly value: T) {}

  get json(): string {
    this.text ??= JSON.stringify(this.value);
    return this.text;
  }

  /** The weak ETag Express would compute from the text on every send (SHA-1 of the body), computed once. */
  get etag(): string {
    this.tag ??= etag(this.json, { weak: true });
    return this.tag;
  }
}

/** For a handler with `@Res({ passthrough: true })`: the JSON text to return, with its content type. */
export function sendJson<T>(res: Response, value: JsonValue<T>): string {
  res.type('application/json');
  res.setHeader('ETag', value.etag);
  return value.json;
}
