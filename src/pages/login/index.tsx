import { AreaPlaceholder } from '../../components/area-placeholder';

export default function LoginPage() {
  return <AreaPlaceholder area="login" />;
}
