/** Error thrown on malformed formula inputs (programming errors); French message. */
export class IndicatorInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IndicatorInputError';
  }
}

export function assertCount(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new IndicatorInputError(`${what} doit être un entier positif ou nul (reçu : ${String(value)}).`);
  }
}

export function assertCentsValue(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new IndicatorInputError(`${what} doit être un nombre entier de centimes (reçu : ${String(value)}).`);
  }
}

export function assertNonNegativeFinite(value: number, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new IndicatorInputError(`${what} doit être un nombre positif ou nul (reçu : ${String(value)}).`);
  }
}
