import { useRouter } from '@tarojs/taro';
import { PageShell } from '../../components/page-shell';
import { LoadingState, ErrorState } from '../../components/status';
import { StepIndicator } from '../../components/step-indicator';
import { useMoneyAction } from '../../components/servicing-submit';
import { api } from '../../services/api/client';
import { useAsync } from '../../services/use-async';
import { zhCN } from '../../locales/zh-CN';
import { RepayForm } from './repay-form';
import { RepaySuccess } from './repay-success';
import type { RepayOptions, RepayResult } from './repay-types';
import './index.scss';

/** Repay: choose what to repay (step 1), see the result and the new schedule summary (step 2). */
export default function RepayPage() {
  const id = useRouter().params.id ?? '';
  const t = zhCN.servicing.repay;
  const data = useAsync(async () => {
    const [options, loan] = await Promise.all([
      api.get('/api/loans/{id}/repayment-options', { params: { id } }),
      api.get('/api/loans/{id}', { params: { id } }),
    ]);
    return { options: options as unknown as RepayOptions, loan };
  }, [id]);
  const action = useMoneyAction<RepayResult>();

  let body;
  if (action.result) body = <RepaySuccess result={action.result} />;
  else if (data.loading) body = <LoadingState text={t.loading} />;
  else if (data.error || !data.data)
    body = <ErrorState message={data.error ?? zhCN.errors.generic} onRetry={data.reload} />;
  else body = <RepayForm loan={data.data.loan} options={data.data.options} action={action} />;

  return (
    <PageShell testId="page-repay">
      <StepIndicator step={action.result ? 2 : 1} total={t.steps} />
      {body}
    </PageShell>
  );
}
