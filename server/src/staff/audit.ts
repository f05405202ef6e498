import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../db/connect';
import type { StaffAuditLogTable } from '../db/types';
import { isoTime } from '../time';

/**
 * The staff audit log: append-only. The app only ever inserts into `staff_audit_log` (a database
 * trigger refuses UPDATE, DELETE and TRUNCATE, and a test checks that no route changes a row);
 * staff read it through GET /api/staff/audit.
 */
export interface AuditEntry {
  actor: string;
  actorKind: StaffAuditLogTable['actor_kind'];
  role: string | null;
  action: string;
  outcome: StaffAuditLogTable['outcome'];
  target?: string | null;
  reason?: string | null;
  detail?: Record<string, unknown>;
  requestId?: string | null;
  ip?: string | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Audit name of a staff action (default: method and route), e.g. `channel.lockdown`. */
    audit?: string;
  }
  interface FastifyRequest {
    /** What a handler adds to its audit row (ids it created, counts); small primitives only. */
    auditDetail?: Record<string, unknown>;
    /** Set when a handler wrote its own audit row (login), so the hook does not write a second. */
    audited?: boolean;
  }
}

const MAX_TEXT = 200;
/** Text as stored: no control characters (PostgreSQL refuses NUL), no lone surrogates, at most 200 characters. */
function clip(s: string): string {
  const clean = (s.replace(/[\u0000-\u001f\u007f]/g, ' ') as string & { toWellFormed(): string }).toWellFormed();
  return clean.length > MAX_TEXT ? clean.slice(0, MAX_TEXT) + '…' : clean;
}

export async function writeAudit(db: Db, clock: Clock, e: AuditEntry): Promise<void> {
  await db
    .insertInto('staff_audit_log')
    .values({
      at: clock.now(),
      actor: clip(e.actor),
      actor_kind: e.actorKind,
      role: e.role,
      action: e.action,
      outcome: e.outcome,
      target: e.target ?? null,
      reason: e.reason ? clip(e.reason) : null,
      detail: JSON.stringify(e.detail ?? {}, (_k, v: unknown) => (typeof v === 'string' ? clip(v) : v)),
      request_id: e.requestId ?? null,
      ip: e.ip ?? null,
    })
    .execute();
}

/** The body's small fields (never a whole document such as a rule-set file), for the audit row. */
function bodySummary(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === 'reason' || k === 'password' || k === 'totp') continue;
    if (typeof v === 'string') out[k] = clip(v);
    else if (typeof v === 'number' || typeof v === 'boolean' || v === null) out[k] = v;
  }
  return out;
}

function targetOf(request: FastifyRequest): string | null {
  const params = request.params as Record<string, unknown> | undefined;
  const values = params ? Object.values(params).filter((v): v is string => typeof v === 'string') : [];
  return values.length ? clip(values.join('/')) : null;
}

/**
 * Every state-changing staff request (POST under /api/staff/) by an identified caller is written to
 * the audit log before its answer leaves: who, which role, what, on what, why (the body's
 * `reason`), and how it ended — ok, denied (the role does not allow it) or failed (refused input).
 */
export function registerStaffAudit(app: FastifyInstance, db: Db, clock: Clock): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const route = request.routeOptions.url ?? '';
    if (request.method !== 'POST' || !route.startsWith('/api/staff/') || !request.staff || request.audited)
      return payload;
    const status = reply.statusCode;
    const body = request.body as Record<string, unknown> | undefined;
    // The action has happened; a failed audit write is an operational alarm, not the caller's error.
    await writeAudit(db, clock, {
      actor: request.staff.actor,
      actorKind: request.staff.kind,
      role: request.staff.role,
      action: request.routeOptions.config.audit ?? `POST ${route}`,
      outcome: status < 400 ? 'ok' : status === 403 ? 'denied' : 'failed',
      target: targetOf(request),
      reason: body && typeof body.reason === 'string' ? body.reason : null,
      detail: { status, ...bodySummary(body), ...request.auditDetail },
      requestId: request.id,
      ip: request.ip,
    }).catch((err: unknown) => request.log.error({ err, route }, 'staff audit: could not write the audit row'));
    return payload;
  });
}

export function auditView(r: {
  seq: number;
  at: Date;
  actor: string;
  actor_kind: string;
  role: string | null;
  action: string;
  outcome: string;
  target: string | null;
  reason: string | null;
  detail: string;
  request_id: string | null;
}) {
  return {
    seq: Number(r.seq),
    at: isoTime(r.at),
    actor: r.actor,
    actorKind: r.actor_kind,
    role: r.role,
    action: r.action,
    outcome: r.outcome,
    target: r.target,
    reason: r.reason,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    requestId: r.request_id,
  };
}

/** Newest first; `before` pages by sequence number. */
export async function listAudit(
  db: Db,
  f: { actor?: string; action?: string; outcome?: string; before?: number; limit?: number },
) {
  let q = db.selectFrom('staff_audit_log').selectAll();
  if (f.actor) q = q.where('actor', '=', f.actor);
  if (f.action) q = q.where('action', '=', f.action);
  if (f.outcome) q = q.where('outcome', '=', f.outcome as StaffAuditLogTable['outcome']);
  if (f.before !== undefined) q = q.where('seq', '<', f.before);
  const rows = await q
    .orderBy('seq', 'desc')
    .limit(f.limit ?? 100)
    .execute();
  return rows.map(auditView);
}
