// ECharts draws on a canvas jsdom does not have; component tests check the option handed to it
// (channel-series.test.ts) and the browser tests check the drawn chart. Every call records its
// option so a test can read what the chart would show.
export const calls: { options: unknown[] } = { options: [] };
export const use = () => undefined;
export const init = () => ({
  setOption: (o: unknown) => calls.options.push(o),
  resize: () => undefined,
  dispose: () => undefined,
});
export const BarChart = {};
export const LineChart = {};
export const GridComponent = {};
export const LegendComponent = {};
export const TooltipComponent = {};
export const MarkAreaComponent = {};
export const CanvasRenderer = {};
export type EChartsCoreOption = Record<string, unknown>;
export type ECharts = ReturnType<typeof init>;
