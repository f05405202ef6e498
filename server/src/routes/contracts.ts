import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { accountNumber, ownAccount } from '../services/accounts';
import { contractView, createContract, drawdown, ownContract, signContract } from '../services/contracts';
import { runOnce } from '../services/idempotency';
import { AuthHeaders, Body, bearer, errorResponses, Id, MoneyHeaders, PositiveFen } from '../schemas';
import { Contract, Loan } from './views';

const CreateBody = Body({ offerId: Id });
const SignBody = Body({
  smsCode: Type.String({ pattern: '^\\d{6}$', description: 'code sent with purpose contract.sign' }),
});
const DrawdownBody = Body({ amountFen: PositiveFen, accountId: Id });
const IdParams = Type.Object({ id: Id });

export default async function contractRoutes(app: FastifyInstance, deps: AppDeps) {
  const common = { tags: ['contracts'], security: bearer };
  app.post(
    '/contracts',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'Accept an offer: the contract to read and sign',
        headers: AuthHeaders,
        body: CreateBody,
        response: { 200: Contract, ...errorResponses },
      },
    },
    async (request) => createContract(deps, request.userId, (request.body as Static<typeof CreateBody>).offerId),
  );

  app.get(
    '/contracts',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'My contracts (the archive)',
        headers: AuthHeaders,
        response: { 200: Type.Object({ items: Type.Array(Contract) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await deps.db
        .selectFrom('contracts')
        .selectAll()
        .where('user_id', '=', request.userId)
        .orderBy('created_at', 'desc')
        .execute();
      return { items: rows.map(contractView) };
    },
  );

  app.get(
    '/contracts/:id',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'One contract',
        headers: AuthHeaders,
        params: IdParams,
        response: { 200: Contract, ...errorResponses },
      },
    },
    async (request) => contractView(await ownContract(deps.db, request.userId, (request.params as { id: string }).id)),
  );

  app.post(
    '/contracts/:id/sign',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'E-sign with the SMS code. Needs X-Risk-Token (contract.sign); screened by the risk engine.',
        headers: MoneyHeaders,
        params: IdParams,
        body: SignBody,
        response: { 200: Contract, ...errorResponses },
      },
    },
    async (request, reply) => {
      const id = (request.params as { id: string }).id;
      const money = async () => {
        const terms = (await ownContract(deps.db, request.userId, id)).terms as { limitFen?: unknown };
        return typeof terms.limitFen === 'number' ? { amountFen: terms.limitFen } : {};
      };
      return runOnce(
        deps,
        request,
        reply,
        { route: 'contracts.sign', action: 'contract.sign', keyRequired: false, money },
        (trx) => signContract(deps, trx, request.userId, id, (request.body as Static<typeof SignBody>).smsCode),
      );
    },
  );

  app.post(
    '/contracts/:id/drawdowns',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary:
          'Draw down (支用) to one of my accounts. Needs Idempotency-Key and X-Risk-Token (drawdown); screened by the risk engine.',
        headers: MoneyHeaders,
        params: IdParams,
        body: DrawdownBody,
        response: { 200: Type.Object({ loan: Loan }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body as Static<typeof DrawdownBody>;
      const money = async () => {
        // Someone else's contract or account is a 404 before the engine sees anything.
        await ownContract(deps.db, request.userId, (request.params as { id: string }).id);
        const account = await ownAccount(deps.db, request.userId, body.accountId);
        const accountNo = accountNumber(deps.pii, account);
        return { amountFen: body.amountFen, account: { accountNo, addedAt: account.created_at } };
      };
      return runOnce(
        deps,
        request,
        reply,
        { route: 'contracts.drawdown', action: 'drawdown', keyRequired: true, money },
        (trx) => drawdown(deps, trx, request.userId, (request.params as { id: string }).id, body),
      );
    },
  );
}
