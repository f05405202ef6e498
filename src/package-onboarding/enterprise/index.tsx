import { AreaPlaceholder } from '../../components/area-placeholder';

export default function EnterprisePage() {
  return <AreaPlaceholder area="enterprise" />;
}
