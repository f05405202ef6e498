import { AreaPlaceholder } from '../../components/area-placeholder';

export default function ApplicationPage() {
  return <AreaPlaceholder area="application" />;
}
