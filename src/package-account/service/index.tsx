import { AreaPlaceholder } from '../../components/area-placeholder';

export default function ServicePage() {
  return <AreaPlaceholder area="service" />;
}
