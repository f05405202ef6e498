import { AreaPlaceholder } from '../../components/area-placeholder';

export default function DrawdownPage() {
  return <AreaPlaceholder area="drawdown" />;
}
