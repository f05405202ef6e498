import pino, { type DestinationStream, type Logger } from 'pino';
import { maskPhone } from './mask';

/** Mobile numbers inside URLs (e.g. the dev SMS inbox) are masked before they reach a log line. */
export function maskUrl(url: string): string {
  return url.replace(/(?<!\d)1\d{10}(?!\d)/g, (m) => maskPhone(m));
}

/**
 * pino with request ids (Fastify adds `reqId`), no credentials and no personal data: bearer and
 * risk tokens are censored, identity fields anywhere in a logged object are redacted, phones in
 * URLs masked. Code that logs a phone on purpose logs it already masked.
 */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-risk-token"]',
          'req.headers.cookie',
          '*.idNumber',
          '*.id_number',
          '*.accountNo',
          '*.account_no',
          '*.name',
          '*.holderName',
          '*.legalRepName',
          '*.smsCode',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { id?: string; method?: string; url?: string; ip?: string }) => ({
          id: req.id,
          method: req.method,
          url: maskUrl(req.url ?? ''),
          ip: req.ip,
        }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
        err: pino.stdSerializers.err,
      },
    },
    destination ?? pino.destination(1),
  );
}
