import { AreaPlaceholder } from '../../components/area-placeholder';

export default function LoanDetailPage() {
  return <AreaPlaceholder area="loanDetail" />;
}
