import { AreaPlaceholder } from '../../components/area-placeholder';

export default function SettingsPage() {
  return <AreaPlaceholder area="settings" />;
}
