import { AreaPlaceholder } from '../../components/area-placeholder';

export default function ContractPage() {
  return <AreaPlaceholder area="contract" />;
}
