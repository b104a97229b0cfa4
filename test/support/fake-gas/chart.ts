/** Embedded charts, their builder (Sheet.newChart()) and the Charts service. */
import type { GridArea } from './a1';
import { ChartType, enumName, makeEnum } from './enums';
import type { FakeState } from './state';
import type { FakeChart, SheetState } from './types';

export class FakeEmbeddedChart {
  constructor(
    private readonly state: FakeState,
    readonly chart: FakeChart,
  ) {}
  getChartId() {
    this.state.hit('EmbeddedChart.getChartId');
    return this.chart.id;
  }
  getOptions() {
    this.state.hit('EmbeddedChart.getOptions');
    const options = this.chart.options;
    return { get: (key: string) => options[key] };
  }
  getRanges() {
    this.state.hit('EmbeddedChart.getRanges');
    return [...this.chart.ranges];
  }
  modify() {
    this.state.hit('EmbeddedChart.modify');
    return new FakeChartBuilder(this.state, null, { ...this.chart });
  }
}

export class FakeChartBuilder {
  private readonly chart: FakeChart;
  constructor(
    private readonly state: FakeState,
    readonly sheet: SheetState | null,
    base?: FakeChart,
  ) {
    this.chart = base ?? { id: 0, type: 'COLUMN', ranges: [], numHeaders: null, position: null, options: {} };
  }
  private hit(method: string): void {
    this.state.hit(`EmbeddedChartBuilder.${method}`);
  }
  setChartType(type: unknown) {
    this.hit('setChartType');
    this.chart.type = enumName(type);
    return this;
  }
  asBarChart() {
    this.hit('asBarChart');
    this.chart.type = 'BAR';
    return this;
  }
  asColumnChart() {
    this.hit('asColumnChart');
    this.chart.type = 'COLUMN';
    return this;
  }
  asPieChart() {
    this.hit('asPieChart');
    this.chart.type = 'PIE';
    return this;
  }
  asLineChart() {
    this.hit('asLineChart');
    this.chart.type = 'LINE';
    return this;
  }
  /** `range` is a FakeRange (its area is read directly, uncounted). */
  addRange(range: unknown) {
    this.hit('addRange');
    const { row, col, numRows, numCols } = range as GridArea;
    this.chart.ranges.push({ row, col, numRows, numCols });
    return this;
  }
  setNumHeaders(count: number) {
    this.hit('setNumHeaders');
    this.chart.numHeaders = count;
    return this;
  }
  setPosition(row: number, col: number, offsetX: number, offsetY: number) {
    this.hit('setPosition');
    this.chart.position = { row, col, offsetX, offsetY };
    return this;
  }
  setOption(key: string, value: unknown) {
    this.hit('setOption');
    this.chart.options[key] = value;
    return this;
  }
  setTitle(title: string) {
    this.hit('setTitle');
    this.chart.options.title = title;
    return this;
  }
  setLegendPosition(position: unknown) {
    this.hit('setLegendPosition');
    this.chart.options.legend = enumName(position);
    return this;
  }
  build() {
    this.hit('build');
    if (this.chart.ranges.length === 0) this.state.fail('The chart has no data.');
    const id = this.chart.id || this.state.nextChartId++;
    return new FakeEmbeddedChart(this.state, {
      ...this.chart,
      id,
      ranges: [...this.chart.ranges],
      options: { ...this.chart.options },
    });
  }
}

/** The Charts service: enums only (never counted). */
export function createCharts() {
  return { ChartType, Position: makeEnum(['TOP', 'RIGHT', 'BOTTOM', 'NONE'] as const) };
}
