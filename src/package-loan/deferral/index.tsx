import { AreaPlaceholder } from '../../components/area-placeholder';

export default function DeferralPage() {
  return <AreaPlaceholder area="deferral" />;
}
