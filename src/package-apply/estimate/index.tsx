import { AreaPlaceholder } from '../../components/area-placeholder';

export default function EstimatePage() {
  return <AreaPlaceholder area="estimate" />;
}
