import { Type } from '@sinclair/typebox';
import { IsoTime } from '../schemas';

// Response shapes for the OpenAPI document. Objects stay open (additionalProperties) so a field
// added to a view is never silently dropped by the serializer; the listed fields are the contract.
const open = { additionalProperties: true } as const;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const ScheduleRow = Type.Object(
  {
    period: Type.Integer(),
    dueDate: Type.String(),
    principalFen: Type.Integer(),
    interestFen: Type.Integer(),
    paymentFen: Type.Integer(),
    balanceFen: Type.Integer(),
    deferredInterestFen: Type.Optional(
      Type.Integer({ description: 'of interestFen: the share repaying interest deferred by 延期还本付息' }),
    ),
    carriedAccruedFen: Type.Optional(
      Type.Integer({ description: 'of interestFen: interest accrued on principal prepaid earlier in the period' }),
    ),
    carriedInterestFen: Type.Optional(
      Type.Integer({
        description:
          'of interestFen: the rest of a period whose instalment was paid early (payment day to its due date), carried into this row',
      }),
    ),
  },
  open,
);

export const Apr = {
  apr: Type.String({ description: 'IRR × 12, decimal' }),
  aprPercent: Type.String(),
  aprBasis: Type.String(),
};

export const Offer = Type.Object(
  {
    id: Type.String(),
    applicationId: Type.String(),
    limitFen: Type.Integer(),
    annualRate: Type.String(),
    rateType: Type.String(),
    ...Apr,
    termMonths: Type.Integer(),
    method: Type.String(),
    dayCount: Type.String(),
    feesFen: Type.Integer(),
    penaltyRule: Type.String(),
    prepaymentRule: Type.String(),
    validUntil: IsoTime,
  },
  open,
);

export const Application = Type.Object(
  {
    id: Type.String(),
    enterpriseId: Type.String(),
    amountFen: Type.Integer(),
    termMonths: Type.Integer(),
    method: Type.String(),
    purpose: Type.String(),
    status: Type.Union([Type.Literal('approved'), Type.Literal('review'), Type.Literal('rejected')]),
    decision: Type.Object(
      { reasonCodes: Type.Array(Type.String()), category: Type.Union([Type.String(), Type.Null()]) },
      open,
    ),
    offer: Type.Union([Offer, Type.Null()]),
    createdAt: IsoTime,
    decidedAt: Nullable(IsoTime),
  },
  open,
);

export const Contract = Type.Object(
  {
    id: Type.String(),
    offerId: Type.String(),
    status: Type.String(),
    terms: Type.Object({}, open),
    createdAt: IsoTime,
    signedAt: Nullable(IsoTime),
  },
  open,
);

export const Account = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    accountNo: Type.String({ description: 'masked' }),
    holderName: Type.String(),
    bankName: Type.String(),
    createdAt: IsoTime,
  },
  open,
);

export const Loan = Type.Object(
  {
    id: Type.String(),
    contractId: Type.String(),
    status: Type.String({ description: 'active | overdue | settled | renewed' }),
    principalFen: Type.Integer(),
    outstandingPrincipalFen: Type.Integer(),
    annualRate: Type.String(),
    ...Apr,
    termMonths: Type.Integer(),
    method: Type.String(),
    dayCount: Type.String(),
    startDate: Type.String(),
    maturityDate: Type.String(),
    nextDue: Type.Union([
      Type.Object({ period: Type.Integer(), dueDate: Type.String(), amountFen: Type.Integer() }),
      Type.Null(),
    ]),
    overdue: Type.Object({ periods: Type.Integer(), totalFen: Type.Integer(), penaltyFen: Type.Integer() }, open),
    schedule: Type.Optional(Type.Array(ScheduleRow)),
  },
  open,
);

export const Repayment = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    amountFen: Type.Integer(),
    principalFen: Type.Integer(),
    interestFen: Type.Integer(),
    penaltyFen: Type.Integer(),
    paidAt: IsoTime,
  },
  open,
);

export const Deferral = Type.Object(
  {
    id: Type.String(),
    option: Type.String(),
    months: Type.Integer(),
    extraInterestFen: Type.Integer(),
    status: Type.String(),
    createdAt: IsoTime,
  },
  open,
);

export const Renewal = Type.Object(
  {
    id: Type.String(),
    loanId: Type.String(),
    newLoanId: Nullable(Type.String()),
    termMonths: Type.Integer(),
    status: Type.String(),
    createdAt: IsoTime,
  },
  open,
);

export const Notice = Type.Object(
  {
    id: Type.String(),
    kind: Type.String(),
    title: Type.String(),
    body: Type.String(),
    createdAt: IsoTime,
    read: Type.Boolean(),
    broadcast: Type.Boolean(),
  },
  open,
);

export const Anything = Type.Object({}, open);
