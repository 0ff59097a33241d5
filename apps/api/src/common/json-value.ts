import type { Response } from 'express';

/**
 * A computed response with its JSON text, serialised once: a cached value is sent to every later
 * request as the same text (what `res.json` would write), without serialising it again. Built from
 * a value (serialised when first sent) or from a text assembled from stored JSON (parsed only when
 * the value is asked for, e.g. by an export).
 */
export class JsonValue<T> {
  private parsed: { value: T } | undefined;
  private text: string | undefined;

  constructor(value: T) {
    this.parsed = { value };
  }

  /** A value known by its JSON text only. */
  static fromText<T>(text: string): JsonValue<T> {
    const json = Object.create(JsonValue.prototype) as JsonValue<T>;
    json.text = text;
    return json;
  }

  get value(): T {
    this.parsed ??= { value: JSON.parse(this.json) as T };
    return this.parsed.value;
  }

  get json(): string {
    this.text ??= JSON.stringify((this.parsed as { value: T }).value);
    return this.text;
  }
}

/** For a handler with `@Res({ passthrough: true })`: the JSON text to return, with its content type. */
export function sendJson<T>(res: Response, value: JsonValue<T>): string {
  res.type('application/json');
  return value.json;
}
