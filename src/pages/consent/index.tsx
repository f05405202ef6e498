import { AreaPlaceholder } from '../../components/area-placeholder';

export default function ConsentPage() {
  return <AreaPlaceholder area="consent" />;
}
