export { COLLECTORS } from './registry';
export { runCollectors, type RunCollectorsOptions } from './run-collectors';
export { bumpLaunchCount } from './launch-count';
export { CollectorError, type Collector, type CollectorContext, type CollectorResult, type Snapshot } from './types';
