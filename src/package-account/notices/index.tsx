import { AreaPlaceholder } from '../../components/area-placeholder';

export default function NoticesPage() {
  return <AreaPlaceholder area="notices" />;
}
