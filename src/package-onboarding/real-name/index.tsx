import { AreaPlaceholder } from '../../components/area-placeholder';

export default function RealNamePage() {
  return <AreaPlaceholder area="realName" />;
}
