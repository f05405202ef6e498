export {
  createBehaviourCapture,
  gateSummary,
  SUMMARY_SIGNALS,
  MAX_FIELDS,
  type BehaviourApi,
  type BehaviourCapture,
  type BehaviourGate,
  type BehaviourSummary,
} from './capture';
export type { FieldSummary } from './field-stats';
export type { TouchSummary } from './touch-stats';
export type { PageSummary } from './page-stats';
export type { SensorSummary } from './sensor-stats';
export type { WelfordSummary } from './welford';
