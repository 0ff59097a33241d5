import {
  ArgumentsHost,
  BadRequestException,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import type { Request, Response } from 'express';

/** French wording of the HTTP statuses the API answers with. */
const STATUS_FR: Record<number, string> = {
  400: 'Requête invalide',
  401: 'Authentification requise',
  403: 'Accès refusé',
  404: 'Introuvable',
  405: 'Méthode non autorisée',
  409: 'Conflit',
  413: 'Contenu trop volumineux',
  415: 'Type de contenu non pris en charge',
  422: 'Données invalides',
  423: 'Verrouillé',
  429: 'Trop de requêtes',
  500: 'Erreur interne du serveur',
  503: 'Service indisponible',
};

/** class-validator's own (English) messages, for the constraints that carry no French message. */
function frenchConstraint(property: string, constraint: string, message: string): string {
  if (constraint === 'whitelistValidation') return `le paramètre « ${property} » n'est pas accepté`;
  return /[àâçéèêëîïôûù«]|doit|être/.test(message) ? message : `« ${property} » est invalide`;
}

function flatten(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => {
    const path = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([k, m]) => frenchConstraint(path, k, m));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** Global validation: whitelist, unknown fields refused, every message in French. */
export function frenchValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => new BadRequestException({ statusCode: 400, error: STATUS_FR[400], message: flatten(errors) }),
  });
}

const BODY_ERRORS: Record<string, string> = {
  'entity.too.large': 'Le corps de la requête dépasse la taille autorisée.',
  'entity.parse.failed': "Le corps de la requête n'est pas un JSON valide.",
  'encoding.unsupported': "L'encodage du corps de la requête n'est pas pris en charge.",
  'charset.unsupported': "Le jeu de caractères du corps de la requête n'est pas pris en charge.",
  'request.aborted': 'La requête a été interrompue.',
};

/** A 4xx raised by express's body parser, with a French message; null for anything else. */
function clientErrorOf(exception: unknown): { status: number; message: string } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const { status, type, expose } = exception as { status?: unknown; type?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499 || expose !== true) return null;
  return { status, message: (typeof type === 'string' && BODY_ERRORS[type]) || (STATUS_FR[status] ?? 'Requête invalide') };
}

/** What a request that needs the database answers while PostgreSQL is down or restarting. */
export const DATABASE_UNAVAILABLE = 'Base de données indisponible, réessayez dans quelques secondes.';

/** SQLSTATEs of a lost or refused connection: class 08 (connection exception) and 57P01-57P03 (shutdown, crash, starting up). */
const CONNECTION_SQLSTATE = /^(08...|57P0[123])$/;
const CONNECTION_ERRNO = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
const CONNECTION_MESSAGE = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection is closed|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when `exception` says the database cannot be reached (refused, reset, terminated by a
 * restart, pool timeout), whether it comes from `pg` directly, wrapped by TypeORM (`driverError`),
 * as a `cause`, or inside an AggregateError (several addresses tried).
 */
export function isDatabaseUnavailable(exception: unknown, depth = 0): boolean {
  if (typeof exception !== 'object' || exception === null || depth > 4) return false;
  const e = exception as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (CONNECTION_ERRNO.has(e.code) || CONNECTION_SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGE.test(e.message)) return true;
  // TypeORM releases a query runner when its connection dies (pg client 'error' event): the next query
  // through it throws one of these; nothing was committed, the client may retry.
  const name = (exception as { name?: unknown }).name;
  if (name === 'QueryRunnerProviderAlreadyReleasedError' || name === 'QueryRunnerAlreadyReleasedError') return true;
  if (isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1)) return true;
  return Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1));
}

/**
 * Every error leaves the API as `{ statusCode, error, message }` in French. Unexpected errors are
 * logged with their stack and answered with a generic body (no stack trace, no SQL).
 */
@Catch()
export class FrenchHttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Erreurs');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const res = http.getResponse<Response>();
    const req = http.getRequest<Request>();
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      let message: string | string[] =
        typeof body === 'object' && body !== null && 'message' in body ? (body as { message: string | string[] }).message : exception.message;
      // Nest's own English messages (unknown route, payload too large…) get a French one.
      if (message === 'File too large') message = 'Le fichier dépasse la taille autorisée (20 Mo).';
      if (message === 'Unexpected field' || message === 'Too many files') message = 'Envoyez un seul fichier, dans le champ « file ».';
      if (typeof message === 'string' && /^(Cannot \w+ |Not Found$|Bad Request$|Forbidden$|Unauthorized$|Internal server error$)/.test(message)) {
        message = status === 404 ? `Ressource introuvable : ${req.method} ${req.path}` : (STATUS_FR[status] ?? message);
      }
      // terminus health checks keep their own body shape.
      if (typeof body === 'object' && body !== null && 'status' in body && 'info' in body) {
        res.status(status).json(body);
        return;
      }
      // Row-level problems of an import (sheet, row, column, value, message) travel with the error.
      const extra = {
        ...(typeof body === 'object' && body !== null && 'errors' in body
          ? { errors: (body as { errors: unknown }).errors, errorCount: (body as { errorCount?: unknown }).errorCount }
          : {}),
        // A 409 says why (year locked, or row changed since read): see ConflictReason.
        ...(typeof body === 'object' && body !== null && 'reason' in body ? { reason: (body as { reason: unknown }).reason } : {}),
      };
      res.status(status).json({ statusCode: status, error: STATUS_FR[status] ?? 'Erreur', message, ...extra });
      return;
    }
    // Errors of the HTTP layer itself (body-parser, multer) carry a client status and are safe to name.
    const clientError = clientErrorOf(exception);
    if (clientError) {
      res.status(clientError.status).json({ statusCode: clientError.status, error: STATUS_FR[clientError.status] ?? 'Erreur', message: clientError.message });
      return;
    }
    // PostgreSQL down or restarting: a French 503 the client may retry, not a 500 (the pool reconnects by itself).
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`Base de données indisponible : ${exception instanceof Error ? exception.message : String(exception)}`);
      res.setHeader('Retry-After', '5');
      res.status(HttpStatus.SERVICE_UNAVAILABLE).json({ statusCode: 503, error: STATUS_FR[503], message: DATABASE_UNAVAILABLE });
      return;
    }
    this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    res.status(HttpStatus.INTERNAL_SERVER_ERROR).json({ statusCode: 500, error: STATUS_FR[500], message: 'Une erreur inattendue est survenue. Elle a été enregistrée.' });
  }
}
