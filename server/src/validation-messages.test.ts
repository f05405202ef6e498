import Fastify from 'fastify';
import { Type } from '@sinclair/typebox';
import { registerErrorHandling } from './errors';
import { fieldLabel } from './validation-messages';

// Issue 9 point 9: a schema failure used to read "请求内容字段长度不正确：name" — an English key, no limit.
async function appWithSchemas() {
  const app = Fastify();
  registerErrorHandling(app);
  const Enterprise = Type.Object({
    name: Type.String({ minLength: 1, maxLength: 100 }),
    annualRevenueFen: Type.Integer({ minimum: 0, maximum: 100_000_000_000 }),
    termMonths: Type.Union([Type.Literal(12), Type.Literal(24)]),
  });
  app.post('/api/enterprises', { schema: { body: Enterprise } }, async () => ({ ok: true }));
  app.post(
    '/api/customer',
    { schema: { body: Type.Object({ name: Type.String({ maxLength: 60 }) }) } },
    async () => ({}),
  );
  await app.ready();
  return app;
}

const valid = { name: '福州零接商贸有限公司', annualRevenueFen: 500_000_000, termMonths: 12 };

describe('schema validation messages', () => {
  let app: Awaited<ReturnType<typeof appWithSchemas>>;
  beforeAll(async () => {
    app = await appWithSchemas();
  });
  afterAll(() => app.close());

  const post = async (url: string, payload: object) => {
    const r = await app.inject({ method: 'POST', url, payload });
    return { status: r.statusCode, body: r.json<{ code: string; message: string; field?: string }>() };
  };

  it('a too-long name names the field in Chinese, its limit and what to do, and keeps the key in `field`', async () => {
    const r = await post('/api/enterprises', { ...valid, name: '名'.repeat(101) });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'VALIDATION', field: 'name' });
    expect(r.body.message).toBe('企业名称最多100个字符，请缩短后重试');
  });

  it('the same key on another route is that route’s field', async () => {
    const r = await post('/api/customer', { name: '名'.repeat(61) });
    expect(r.body.message).toBe('姓名最多60个字符，请缩短后重试');
  });

  it('an absurd amount says the allowed maximum in yuan', async () => {
    const r = await post('/api/enterprises', { ...valid, annualRevenueFen: 10 ** 15 });
    expect(r.body.field).toBe('annualRevenueFen');
    expect(r.body.message).toBe('年营业收入不能高于1,000,000,000元，请修改后重试');
  });

  it('a missing field asks for it by name; an unknown choice says to pick from the list', async () => {
    const { name: _omit, ...noName } = valid;
    expect((await post('/api/enterprises', noName)).body.message).toBe('请填写企业名称后再提交');
    expect((await post('/api/enterprises', { ...valid, termMonths: 7 })).body.message).toMatch(/^借款期限.*重新选择/);
  });

  it('no message carries an ASCII body key', async () => {
    const bodies = [{ ...valid, name: '' }, { ...valid, annualRevenueFen: -1 }, { ...valid, termMonths: 'x' }, {}];
    for (const b of bodies) expect((await post('/api/enterprises', b)).body.message).not.toMatch(/[A-Za-z]/);
  });
});

describe('fieldLabel', () => {
  it('falls back to 该字段, never to the key', () => {
    expect(fieldLabel('someInternalKey')).toBe('该字段');
    expect(fieldLabel('items.0.amountFen')).toBe('借款金额');
  });
});
