import { randomUUID } from 'node:crypto';
import { json, startTestApp, type TestContext } from '../../test/helpers';
import { onboard, sealedPost, signedContract, type Onboarded } from '../../test/flows';
import { fakeEngine, type FakeEngine } from '../../test/fake-engine';
import { riskKeys } from '../../test/risk-device';
import { seedTestStaff, staffSignIn } from '../../test/staff';

// Human review of automated decisions (PIPL Art. 24): the customer asks, an analyst answers, the
// customer is told; overturning makes the offer (application) or lets the move through once (block).
describe('human review', () => {
  let t: TestContext;
  let engine: FakeEngine;
  let u: Onboarded;
  let analyst: { headers: Record<string, string>; actor: string };
  beforeAll(async () => {
    engine = fakeEngine();
    t = await startTestApp({ riskKeys, engine });
    await seedTestStaff(t.db, t.clock);
    u = await onboard(t.app, t.clock);
    analyst = await staffSignIn(t.app, t.clock, 'analyst');
  });
  afterAll(() => t.close());

  const apply = async () =>
    json(
      await sealedPost(t.app, u, '/api/applications', 'loan.apply', {
        enterpriseId: u.enterpriseId,
        amountFen: 10_000_000,
        termMonths: 12,
        method: 'EQUAL_INSTALMENT',
        purpose: 'WORKING_CAPITAL',
      }),
    );
  const ask = (payload: object, headers = u.auth) =>
    t.app.inject({ method: 'POST', url: '/api/reviews', headers, payload });
  const notices = async () =>
    json(await t.app.inject({ url: '/api/notices', headers: u.auth })).items as Array<{ title: string; body: string }>;

  test('a rejected application: submitted → in_review → overturned, the offer is made and the customer told', async () => {
    engine.outcomes['loan.apply'] = 'reject';
    const rejected = await apply();
    expect(rejected.status).toBe('rejected');

    const r = await ask({ applicationId: rejected.id, reason: '我的企业经营正常，请人工复核' });
    expect(r.statusCode).toBe(201);
    const review = json(r);
    expect(review).toMatchObject({
      status: 'submitted',
      subject: 'application',
      applicationId: rejected.id,
      verdict: null,
    });
    expect(json(await ask({ applicationId: rejected.id, reason: '再次申请' })).code).toBe('REVIEW_EXISTS');

    const queue = json(
      await t.app.inject({ url: '/api/staff/reviews?status=submitted', headers: analyst.headers }),
    ).items;
    const item = queue.find((i: { id: string }) => i.id === review.id);
    expect(item.customer.name).toBe('张*');
    expect(item.customer.phone).toMatch(/^\d{3}\*{4}\d{4}$/);

    const claimed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/reviews/${review.id}/claim`,
      headers: analyst.headers,
    });
    expect(json(claimed)).toMatchObject({ status: 'in_review', claimedBy: analyst.actor });
    expect(json(await t.app.inject({ url: `/api/reviews/${review.id}`, headers: u.auth })).status).toBe('in_review');

    const answered = await t.app.inject({
      method: 'POST',
      url: `/api/staff/reviews/${review.id}/answer`,
      headers: analyst.headers,
      payload: { verdict: 'overturn', reason: '经核实经营流水正常，撤销自动拒绝' },
    });
    expect(json(answered)).toMatchObject({ status: 'answered', verdict: 'overturn', answeredBy: analyst.actor });
    const mine = json(await t.app.inject({ url: '/api/reviews', headers: u.auth })).items[0];
    expect(mine).toMatchObject({
      id: review.id,
      status: 'answered',
      verdict: 'overturn',
      answer: '经核实经营流水正常，撤销自动拒绝',
    });
    const app = json(await t.app.inject({ url: `/api/applications/${rejected.id}`, headers: u.auth }));
    expect(app.status).toBe('approved');
    expect(app.offer.limitFen).toBe(10_000_000);
    expect(app.decision.reasonCodes).toContain('MANUAL_OVERTURN');
    const titles = (await notices()).map((n) => n.title);
    expect(titles).toEqual(
      expect.arrayContaining(['人工复核申请已受理', '人工复核结果：撤销原决定', '贷款申请已通过']),
    );
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/staff/reviews/${review.id}/answer`,
      headers: analyst.headers,
      payload: { verdict: 'uphold', reason: 'x' },
    });
    expect(json(again).code).toBe('REVIEW_ANSWERED');
  });

  test('only rejected applications and blocked moves can be reviewed, and only by their customer', async () => {
    engine.outcomes['loan.apply'] = 'approve';
    const approved = await apply();
    expect(json(await ask({ applicationId: approved.id, reason: 'x' })).code).toBe('NOT_REVIEWABLE');
    expect(json(await ask({ reason: 'x' })).code).toBe('REVIEW_SUBJECT');
    expect(json(await ask({ applicationId: approved.id, decisionId: 'abcdefgh', reason: 'x' })).code).toBe(
      'REVIEW_SUBJECT',
    );
    const other = await onboard(t.app, t.clock);
    expect((await ask({ applicationId: approved.id, reason: 'x' }, other.auth)).statusCode).toBe(404);
    expect((await ask({ decisionId: randomUUID(), reason: 'x' })).statusCode).toBe(404);
  });

  test('a blocked drawdown: upheld once, then overturned — one resubmission goes through', async () => {
    engine.outcomes['loan.apply'] = 'approve';
    const contractId = await signedContract(t.app, u);
    engine.outcomes.drawdown = 'block';
    const draw = () =>
      sealedPost(
        t.app,
        u,
        `/api/contracts/${contractId}/drawdowns`,
        'drawdown',
        { amountFen: 1_000_000, accountId: u.accountId },
        { key: true },
      );
    const blocked = await draw();
    expect(json(blocked).code).toBe('RISK_BLOCKED');
    const review = json(await ask({ decisionId: json(blocked).decisionId, reason: '是我本人操作' }));
    expect(review).toMatchObject({ subject: 'decision', status: 'submitted' });
    const uphold = await t.app.inject({
      method: 'POST',
      url: `/api/staff/reviews/${review.id}/answer`,
      headers: analyst.headers,
      payload: { verdict: 'uphold', reason: '收款账户存在风险，维持拦截' },
    });
    expect(json(uphold).verdict).toBe('uphold');
    expect(json(await draw()).code).toBe('RISK_BLOCKED');
    expect((await notices()).some((n) => n.title === '人工复核结果：维持原决定' && n.body.includes('维持拦截'))).toBe(
      true,
    );

    const second = await draw();
    const review2 = json(await ask({ decisionId: json(second).decisionId, reason: '已更换账户，请复核' }));
    await t.app.inject({
      method: 'POST',
      url: `/api/staff/reviews/${review2.id}/answer`,
      headers: analyst.headers,
      payload: { verdict: 'overturn', reason: '已电话核实本人操作' },
    });
    expect((await draw()).statusCode).toBe(200);
    expect(json(await draw()).code).toBe('RISK_BLOCKED'); // once only
  });

  // Issue #8 point 8: complaints, filed online and answered in writing through the same queue.
  describe('complaints', () => {
    const complain = (payload: object, headers: Record<string, string> = u.auth) =>
      t.app.inject({ method: 'POST', url: '/api/complaints', headers, payload });
    const answer = (id: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/staff/reviews/${id}/answer`, headers: analyst.headers, payload });

    test('submitted → in_review → answered in writing; the customer is told both times', async () => {
      engine.outcomes['loan.apply'] = 'reject';
      const rejected = await apply();
      const r = await complain({ category: 'decision', text: '拒绝理由看不懂，希望说明', applicationId: rejected.id });
      expect(r.statusCode).toBe(201);
      const c = json(r);
      expect(c).toMatchObject({
        kind: 'complaint',
        category: 'decision',
        subject: 'application',
        applicationId: rejected.id,
        reason: '拒绝理由看不懂，希望说明',
        status: 'submitted',
        verdict: null,
      });
      // A complaint about an application does not stop a review of it (and several complaints may be open).
      expect((await ask({ applicationId: rejected.id, reason: '请人工复核' })).statusCode).toBe(201);
      expect((await complain({ category: 'service', text: '客服电话打不通' })).statusCode).toBe(201);
      expect((await notices()).some((n) => n.title === '投诉已受理' && n.body.includes(c.id))).toBe(true);

      const queue = json(await t.app.inject({ url: '/api/staff/reviews?kind=complaint', headers: analyst.headers }))
        .items as Array<{ id: string; kind: string; category: string; customer: { name: string } }>;
      expect(queue.every((i) => i.kind === 'complaint')).toBe(true);
      expect(queue.find((i) => i.id === c.id)).toMatchObject({ category: 'decision', customer: { name: '张*' } });

      const claimed = await t.app.inject({
        method: 'POST',
        url: `/api/staff/reviews/${c.id}/claim`,
        headers: analyst.headers,
      });
      expect(json(claimed).status).toBe('in_review');
      // A complaint is answered in writing: a verdict is refused.
      const withVerdict = await answer(c.id, { verdict: 'overturn', reason: 'x' });
      expect(withVerdict.statusCode).toBe(400);
      expect(json(withVerdict)).toMatchObject({ code: 'VERDICT_NOT_ALLOWED', field: 'verdict' });
      const done = await answer(c.id, { reason: '已为您补充说明拒绝原因，可申请人工复核' });
      expect(json(done)).toMatchObject({ status: 'answered', verdict: null, answeredBy: analyst.actor });
      const mine = json(await t.app.inject({ url: `/api/reviews/${c.id}`, headers: u.auth }));
      expect(mine).toMatchObject({ status: 'answered', answer: '已为您补充说明拒绝原因，可申请人工复核' });
      const told = (await notices()).find((n) => n.title === '投诉处理结果');
      expect(told?.body).toContain('已为您补充说明拒绝原因');
      expect(told?.body).toContain('审批结果与额度');
    });

    test('a review still needs a verdict', async () => {
      engine.outcomes['loan.apply'] = 'reject';
      const rejected = await apply();
      const review = json(await ask({ applicationId: rejected.id, reason: '请复核' }));
      const r = await answer(review.id, { reason: '没有结论' });
      expect(r.statusCode).toBe(400);
      expect(json(r)).toMatchObject({ code: 'VERDICT_REQUIRED', field: 'verdict' });
    });

    test("bad input is a 4xx naming the field; another customer's application is a 404", async () => {
      const cases: Array<[object, string]> = [
        [{ category: 'weather', text: 'x' }, 'category'],
        [{ category: 'fees', text: '' }, 'text'],
        [{ category: 'fees', text: 'x'.repeat(1001) }, 'text'],
        [{ category: 'fees' }, 'text'],
        [{ category: 'fees', text: 'x', extra: 1 }, 'extra'],
      ];
      for (const [payload, field] of cases) {
        const r = await complain(payload);
        expect([field, r.statusCode]).toEqual([field, 400]);
        expect(json(r).field).toBe(field);
      }
      engine.outcomes['loan.apply'] = 'approve';
      const mine = await apply();
      const other = await onboard(t.app, t.clock);
      expect((await complain({ category: 'fees', text: 'x', applicationId: mine.id }, other.auth)).statusCode).toBe(
        404,
      );
      expect((await complain({ category: 'fees', text: 'x' }, {})).statusCode).toBe(401);
    });
  });
});
