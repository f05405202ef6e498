import { AreaPlaceholder } from '../../components/area-placeholder';

export default function AuthorisationsPage() {
  return <AreaPlaceholder area="authorisations" />;
}
