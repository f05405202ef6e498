import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../deps';
import authRoutes from './auth';
import healthRoutes from './health';
import consentRoutes from './consents';
import customerRoutes from './customer';
import devRoutes from './dev';
import enterpriseRoutes from './enterprises';
import riskRoutes from './risk';
import telemetryRoutes from './telemetry';
import applicationRoutes from './applications';
import contractRoutes from './contracts';
import accountRoutes from './accounts';
import loanRoutes from './loans';
import noticeRoutes from './notices';
import quoteRoutes from './quotes';
import estimateRoutes from './estimates';
import stepUpRoutes from './step-up';
import staffRiskRoutes from './staff-risk';
import staffAuthRoutes from './staff-auth';
import staffAuditRoutes from './staff-audit';
import staffDecisionRoutes from './staff-decisions';
import staffIdentityRoutes from './staff-identity';
import reviewRoutes from './reviews';
import staffReviewRoutes from './staff-reviews';
import staffRuleRoutes from './staff-rules';
import staffSimulationRoutes from './staff-simulations';

/** Every resource module, mounted under /api in this order. */
export const routeModules: Array<(app: FastifyInstance, deps: AppDeps) => Promise<void>> = [
  healthRoutes,
  authRoutes,
  devRoutes,
  consentRoutes,
  customerRoutes,
  enterpriseRoutes,
  riskRoutes,
  telemetryRoutes,
  quoteRoutes,
  estimateRoutes,
  applicationRoutes,
  contractRoutes,
  accountRoutes,
  loanRoutes,
  noticeRoutes,
  stepUpRoutes,
  staffRiskRoutes,
  staffAuthRoutes,
  staffAuditRoutes,
  staffDecisionRoutes,
  staffIdentityRoutes,
  reviewRoutes,
  staffReviewRoutes,
  staffRuleRoutes,
  staffSimulationRoutes,
];
