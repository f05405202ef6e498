import { type Static, Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import { accountView, addAccount } from '../services/accounts';
import { runOnce } from '../services/idempotency';
import { AuthHeaders, Body, bearer, errorResponses, MoneyHeaders } from '../schemas';
import { Account } from './views';

const AccountBody = Body({
  kind: Type.Union([Type.Literal('corporate'), Type.Literal('card')], {
    description: "corporate account or the legal representative's card",
  }),
  accountNo: Type.String({ minLength: 1, maxLength: 40 }),
  holderName: Type.String({ minLength: 1, maxLength: 100 }),
  bankName: Type.String({ minLength: 1, maxLength: 60 }),
});
const Warning = Type.Object({ code: Type.String(), message: Type.String() });

export default async function accountRoutes(app: FastifyInstance, deps: AppDeps) {
  const common = { tags: ['accounts'], security: bearer };
  app.get(
    '/accounts',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary: 'My receiving accounts (masked)',
        headers: AuthHeaders,
        response: { 200: Type.Object({ items: Type.Array(Account) }), ...errorResponses },
      },
    },
    async (request) => {
      const rows = await deps.db
        .selectFrom('accounts')
        .selectAll()
        .where('user_id', '=', request.userId)
        .orderBy('created_at')
        .execute();
      return { items: rows.map((r) => accountView(deps.pii, r)) };
    },
  );

  app.post(
    '/accounts',
    {
      preHandler: deps.authenticate,
      schema: {
        ...common,
        summary:
          'Add / change the receiving account (Luhn failure is only a warning). Needs X-Risk-Token (account.change); screened by the risk engine.',
        headers: MoneyHeaders,
        body: AccountBody,
        response: { 200: Type.Object({ account: Account, warnings: Type.Array(Warning) }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const body = request.body as Static<typeof AccountBody>;
      // The account being added is the receiving account the engine looks at: new by definition.
      const money = async () => ({ account: { accountNo: body.accountNo, addedAt: deps.clock.now() } });
      return runOnce(
        deps,
        request,
        reply,
        { route: 'accounts.add', action: 'account.change', keyRequired: false, money },
        (trx) => addAccount(deps, trx, request.userId, body),
      );
    },
  );
}
