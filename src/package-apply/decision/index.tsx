import { AreaPlaceholder } from '../../components/area-placeholder';

export default function DecisionPage() {
  return <AreaPlaceholder area="decision" />;
}
