import { AreaPlaceholder } from '../../components/area-placeholder';

export default function ContractsPage() {
  return <AreaPlaceholder area="contracts" />;
}
