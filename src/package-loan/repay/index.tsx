import { AreaPlaceholder } from '../../components/area-placeholder';

export default function RepayPage() {
  return <AreaPlaceholder area="repay" />;
}
