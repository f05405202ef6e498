/**
 * One applicant's way through the app, as an async generator over simulated time: it yields how
 * long the next screen or wait takes, the runner moves the clock and resumes it, and it then
 * replays that screen's events into the real SDK client (backdated over the time that passed) and
 * sends the request the screen ends with. Every request goes through the bank's real API with a
 * real sealed token; protocol attackers change what goes on the wire at their step.
 */
import { createVirtualClient, seededFill, type RiskClient, type VirtualPlatform } from '@lingjie/risk-sdk/virtual';
// The client resets its session only on its own RequestError class (as server/src/sandbox-client.ts).
import { RequestError } from '../../../sdk/src/platform/request-error';
import { RISK_FIELDS } from '../../../src/services/risk/fields';
import type { Actor, ScreenPlan } from '../behaviour/model';
import { replayEvent } from '../behaviour/replay-events';
import type { Bank, BankResponse } from '../bank/transport';
import type { Device } from '../devices/device';
import type { Identity } from '../identity/pools';
import { deriveSeed } from '../random';
import type { Step } from '../scenario/schema';
import { finalOutcome, TOKEN_REFUSALS, type JourneyRecord, type Label, type MoveOutcome } from './outcome';
import { screens } from './screens';

export interface Applicant {
  index: number;
  population: string;
  label: Label;
  channel: string;
  steps: ReadonlySet<Step>;
  device: Device;
  ip: string;
  identity: Identity;
  /** The WeChat login code: each distinct code is a distinct WeChat user. */
  loginCode: string;
  actor: Actor;
  arrivalAt: number;
  amountYuan: number;
}

export interface JourneyContext {
  bank: Bank;
  riskKey: { keyId: string; publicKey: string };
  /** True time for the device clocks, Unix ms: the simulated clock in process, real time over HTTP. */
  now(): number;
  /** Simulated time, Unix ms, for the record (equal to `now` in process). */
  simNow(): number;
}

/** Purposes the app asks for before an application (+ biometric for the face check). */
const CONSENT_PURPOSES = ['personal_info', 'risk_device', 'credit_report', 'biometric'];
const SESSION_LOST = new Set(['SESSION_UNKNOWN', 'SESSION_EXPIRED']);

/** Stops the journey: the outcome is already in the record. */
class Stop extends Error {}

type Gen<T = void> = AsyncGenerator<number, T, void>;

export async function* runJourney(a: Applicant, ctx: JourneyContext): Gen<JourneyRecord> {
  const rec: Omit<JourneyRecord, 'outcome'> = {
    index: a.index,
    population: a.population,
    label: a.label,
    channel: a.channel,
    device: a.device.id,
    ip: a.ip,
    arrivalAt: a.arrivalAt,
    endedAt: a.arrivalAt,
    completed: [],
    application: null,
    moves: [],
    refused: null,
    error: null,
    attack: a.actor.attack ? { kind: a.actor.attack.kind, status: 0, code: null } : null,
  };
  const device = a.device;
  const seed = deriveSeed(device.seed, `journey-${device.journeys++}`);
  const { client, platform } = createVirtualClient({
    serverPublicKey: ctx.riskKey.publicKey,
    keyId: ctx.riskKey.keyId,
    endpoint: '/api',
    telemetryOnGrant: false,
    fields: RISK_FIELDS,
    device: {
      profile: { ...device.profile, ...a.actor.deviceOverrides },
      storage: device.storage,
      clock: () => ctx.now() + device.clockShiftMs,
      random: seededFill(seed),
      seed,
      post: async (url, body) => {
        const res = await ctx.bank.call({ method: 'POST', url, body, ip: a.ip });
        if (res.status >= 400) throw new RequestError(res.status, res.body);
        return res.body;
      },
    },
  });
  try {
    yield* steps(a, ctx, rec, client, platform);
  } catch (e) {
    if (!(e instanceof Stop)) {
      rec.error = {
        step: `after ${rec.completed.at(-1) ?? 'start'}`,
        status: 0,
        code: 'SIMULATOR_ERROR',
        message: e instanceof Error ? e.message : String(e),
      };
    }
  } finally {
    client.destroy();
    device.clockShiftMs = 0;
  }
  rec.endedAt = ctx.simNow();
  return { ...rec, outcome: finalOutcome(rec) };
}

async function* steps(
  a: Applicant,
  ctx: JourneyContext,
  rec: Omit<JourneyRecord, 'outcome'>,
  client: RiskClient,
  platform: VirtualPlatform,
): Gen {
  const { person, enterprise } = a.identity;
  const screen = screens(a.identity, a.amountYuan);
  const attack = a.actor.attack;
  let auth: Record<string, string> = {};
  let step: Step = 'consent';
  // Idempotency-Key: the bank asks for 8–128 characters, so the applicant's index is padded.
  const idem = (() => {
    let n = 0;
    return () => `sim-${String(a.index).padStart(4, '0')}-${++n}`;
  })();

  /** Fill a screen: the time passes, then its events reach the SDK stamped over that time. */
  async function* fill(plan: ScreenPlan): Gen {
    const s = a.actor.screen(plan);
    yield s.durationMs;
    const start = platform.now() - s.durationMs;
    for (const e of s.events) replayEvent(client.behaviour, e, start + e.t);
    platform.emitSensors(s.sensorSamples, 50);
  }

  const call = (method: 'GET' | 'POST', url: string, body?: unknown, headers: Record<string, string> = {}) =>
    ctx.bank.call({ method, url, body, headers: { ...auth, ...headers }, ip: a.ip });

  const fail = (res: BankResponse): never => {
    const code = typeof res.body?.code === 'string' ? res.body.code : `HTTP_${res.status}`;
    if (res.status === 403 && TOKEN_REFUSALS.has(code)) rec.refused = { step, code, at: ctx.simNow() };
    else {
      const message = typeof res.body?.message === 'string' ? res.body.message : undefined;
      rec.error = { step, status: res.status, code, ...(message ? { message } : {}) };
    }
    throw new Stop();
  };
  const must = async (method: 'GET' | 'POST', url: string, body?: unknown) => {
    const res = await call(method, url, body);
    return res.status === 200 ? res.body : fail(res);
  };
  const smsCode = async (purpose: string): Promise<string> => {
    const inbox = await must('GET', `/api/dev/sms/${person.phone}`);
    const m = inbox.messages.find((x: { purpose: string; used: boolean }) => x.purpose === purpose && !x.used);
    if (!m) return fail({ status: 0, body: { code: 'SMS_NOT_RECEIVED' } });
    return m.code;
  };

  /** An action token bound to a POST of `body` to `url` (method, path with its ids, body). */
  const sealPost = (action: string, url: string, body: object) =>
    client.seal(action, { method: 'POST', path: url.split('?')[0], body });

  /** A sealed POST; a lost protocol session is re-established once, as the app does. */
  const sealed = async (action: string, url: string, body: object, headers: Record<string, string> = {}) => {
    let res = await call('POST', url, body, { ...headers, 'x-risk-token': await sealPost(action, url, body) });
    if (res.status === 403 && SESSION_LOST.has(res.body?.code)) {
      client.resetSession();
      res = await call('POST', url, body, { ...headers, 'x-risk-token': await sealPost(action, url, body) });
    }
    return res;
  };

  const recordAttack = (res: BankResponse) => {
    if (rec.attack) {
      rec.attack.status = res.status;
      rec.attack.code = res.status === 200 ? null : (res.body?.code ?? `HTTP_${res.status}`);
    }
  };

  /**
   * A money move through the engine's screen: step-up is answered with the SMS code (everyone
   * holds their SIM), hold and block end the journey.
   */
  async function* money(action: string, url: string, body: object, key?: string): Gen<any> {
    const headers: Record<string, string> = key ? { 'idempotency-key': key } : {};
    let res = await sealed(action, url, body, headers);
    if (res.status === 428 && res.body?.code === 'RISK_STEP_UP') {
      rec.moves.push({ action, outcome: 'step-up', at: ctx.simNow() });
      await must('POST', '/api/risk/step-up/sms', { decisionId: res.body.decisionId });
      yield a.actor.pause('sms');
      yield* fill({ route: 'risk.step-up', fields: [{ id: 'smsCode', length: 6, kind: 'code' }], taps: 1 });
      res = await sealed(action, url, body, { ...headers, 'x-step-up-code': await smsCode('risk.step_up') });
    }
    const outcome: MoveOutcome | null =
      res.status === 200
        ? 'allow'
        : res.body?.code === 'RISK_HELD'
          ? 'hold'
          : res.body?.code === 'RISK_BLOCKED'
            ? 'block'
            : null;
    if (outcome === null) return fail(res);
    if (!rec.moves.some((m) => m.action === action && m.outcome === 'step-up') || outcome !== 'allow')
      rec.moves.push({ action, outcome, at: ctx.simNow() });
    if (outcome !== 'allow') throw new Stop();
    return res.body;
  }

  // consent: the notice is read before anything may be measured, so its taps are not captured.
  yield* fill(screen.consent);
  await client.grantConsent(a.actor.consent);
  rec.completed.push(step);

  if (!a.steps.has('login')) return;
  step = 'login';
  yield* fill(screen.login);
  const login = await must('POST', '/api/auth/login', { code: a.loginCode });
  auth = { authorization: `Bearer ${login.token}` };
  for (const purpose of CONSENT_PURPOSES) await must('POST', '/api/consents', { purpose, version: '2026.1' });
  yield* fill(screen.phone);
  await must('POST', '/api/auth/sms', { phone: person.phone, purpose: 'login' });
  yield a.actor.pause('sms');
  yield* fill(screen.smsCode);
  await must('POST', '/api/auth/phone', { phone: person.phone, smsCode: await smsCode('login') });
  rec.completed.push(step);

  if (!a.steps.has('real-name')) return;
  step = 'real-name';
  yield* fill(screen.realName);
  await must('POST', '/api/customer/real-name', { name: person.name, idNumber: person.idNumber });
  yield a.actor.pause('face');
  await must('POST', '/api/customer/face', { passed: true });
  rec.completed.push(step);

  if (!a.steps.has('enterprise')) return;
  step = 'enterprise';
  yield* fill(screen.enterprise);
  const ent = await must('POST', '/api/enterprises', {
    uscc: enterprise.uscc,
    name: enterprise.name,
    legalRepName: person.name,
    registrationDate: enterprise.registrationDate,
    industry: enterprise.industry,
    annualRevenueFen: enterprise.annualRevenueFen,
    employees: enterprise.employees,
  });
  rec.completed.push(step);

  if (!a.steps.has('apply')) return;
  step = 'apply';
  yield* fill(screen.estimate);
  yield* fill(screen.application);
  const applyBody = {
    enterpriseId: ent.id,
    amountFen: a.amountYuan * 100,
    termMonths: 12,
    method: 'EQUAL_INSTALMENT',
    purpose: 'WORKING_CAPITAL',
  };
  // A protocol attacker changes what goes on the wire here (tamper, clock) or sends it twice (replay).
  const attackHere = attack && (attack.kind === 'clock-skew' || attack.target === 'apply');
  let token = await sealPost('loan.apply', '/api/applications', applyBody);
  if (attack?.kind === 'clock-skew' && attack.mode === 'jump') {
    a.device.clockShiftMs = attack.skewMs; // the session is open; now the tool moves the device clock
    token = await sealPost('loan.apply', '/api/applications', applyBody);
  }
  const sent =
    attackHere && attack.kind === 'tamper' ? { ...applyBody, amountFen: applyBody.amountFen * 10 } : applyBody;
  let applied = await call('POST', '/api/applications', sent, { 'x-risk-token': token });
  if (!attackHere && applied.status === 403 && SESSION_LOST.has(applied.body?.code))
    applied = await sealed('loan.apply', '/api/applications', applyBody);
  if (attackHere && attack.kind !== 'replay') recordAttack(applied);
  if (applied.status !== 200) fail(applied);
  const app = applied.body;
  rec.application = { status: app.status, reasonCodes: app.decision?.reasonCodes ?? [], at: ctx.simNow() };
  rec.completed.push(step);
  if (attackHere && attack.kind === 'replay') {
    // The captured request, sent again byte for byte.
    const again = await call('POST', '/api/applications', applyBody, { 'x-risk-token': token });
    recordAttack(again);
    if (again.status !== 200) fail(again);
  }
  if (app.status !== 'approved' || !a.steps.has('sign')) return;

  step = 'sign';
  yield a.actor.pause('decision');
  const contract = await must('POST', '/api/contracts', { offerId: app.offer.id });
  yield* fill(screen.contract);
  await must('POST', '/api/auth/sms', { phone: person.phone, purpose: 'contract.sign' });
  yield a.actor.pause('sms');
  yield* fill(screen.contractCode);
  yield* money('contract.sign', `/api/contracts/${contract.id}/sign`, { smsCode: await smsCode('contract.sign') });
  rec.completed.push(step);

  if (!a.steps.has('drawdown')) return;
  step = 'drawdown';
  yield* fill(screen.account);
  const account = (yield* money('account.change', '/api/accounts', {
    kind: 'card',
    accountNo: person.cardNo,
    holderName: person.name,
    bankName: '零接银行',
  })).account;
  yield* fill(screen.drawdown);
  const drawBody = { amountFen: app.offer.limitFen, accountId: account.id };
  const drawUrl = `/api/contracts/${contract.id}/drawdowns`;
  let loan: { id: string };
  if (attack?.kind === 'tamper' && attack.target === 'drawdown') {
    const token = await sealPost('drawdown', drawUrl, drawBody);
    const res = await call(
      'POST',
      drawUrl,
      { ...drawBody, amountFen: drawBody.amountFen * 10 },
      {
        'x-risk-token': token,
        'idempotency-key': idem(),
      },
    );
    recordAttack(res);
    loan = res.status === 200 ? res.body.loan : fail(res);
  } else if (attack?.kind === 'replay' && attack.target === 'drawdown') {
    const token = await sealPost('drawdown', drawUrl, drawBody);
    const first = await call('POST', drawUrl, drawBody, { 'x-risk-token': token, 'idempotency-key': idem() });
    if (first.status !== 200) fail(first);
    loan = first.body.loan;
    // The same token under a new Idempotency-Key: a second drawdown if the token were accepted.
    const again = await call('POST', drawUrl, drawBody, { 'x-risk-token': token, 'idempotency-key': idem() });
    recordAttack(again);
    if (again.status !== 200) fail(again);
  } else {
    loan = (yield* money('drawdown', drawUrl, drawBody, idem())).loan;
  }
  rec.completed.push(step);

  if (!a.steps.has('repay')) return;
  step = 'repay';
  yield a.actor.pause('before-repay');
  yield* fill(screen.repay);
  yield* money('repay', `/api/loans/${loan.id}/repayments`, { kind: 'current' }, idem());
  rec.completed.push(step);
}
