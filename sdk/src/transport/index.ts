export {
  createTransport,
  type Transport,
  type TransportOptions,
  type TelemetryEvent,
  type FlushResult,
} from './transport';
export { backoffDelay, bytesToUnit } from './backoff';
export { eventIdFrom } from './event-id';
