import { CategoryScale, Chart, Filler, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';

// Only what a line chart needs: this module (and chart.js) is loaded when the operator's chart is shown.
Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Filler, Tooltip);

export interface LineChartData {
  labels: string[];
  values: number[];
  label: string;
  rtl: boolean;
  formatValue: (value: number) => string;
}

export interface LineChart {
  update(data: LineChartData): void;
  destroy(): void;
}

function config(data: LineChartData, colours: { line: string; fill: string; text: string; font: string }): ChartConfiguration<'line'> {
  return {
    type: 'line',
    data: {
      labels: data.labels,
      datasets: [{ label: data.label, data: data.values, borderColor: colours.line, backgroundColor: colours.fill, fill: true, pointRadius: 0, borderWidth: 2, tension: 0.2 }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      font: { family: colours.font },
      color: colours.text,
      scales: {
        x: { reverse: data.rtl, ticks: { color: colours.text, maxTicksLimit: 6, font: { family: colours.font } }, grid: { display: false } },
        y: {
          beginAtZero: true,
          position: data.rtl ? 'right' : 'left',
          ticks: { color: colours.text, precision: 0, font: { family: colours.font }, callback: (value) => data.formatValue(Number(value)) },
        },
      },
      plugins: {
        tooltip: { rtl: data.rtl, textDirection: data.rtl ? 'rtl' : 'ltr', titleFont: { family: colours.font }, bodyFont: { family: colours.font } },
      },
    },
  };
}

export function createLineChart(canvas: HTMLCanvasElement, data: LineChartData): LineChart {
  const style = getComputedStyle(canvas);
  const colours = {
    line: style.getPropertyValue('--link-bg').trim() || '#1f4fa8',
    fill: 'rgba(31, 79, 168, 0.12)',
    text: style.color || '#222',
    font: style.fontFamily || 'Vazirmatn, sans-serif',
  };
  let chart = new Chart(canvas, config(data, colours));
  let rtl = data.rtl;
  return {
    update(next) {
      if (next.rtl !== rtl) {
        // A change of direction mirrors the axes: a new chart is simpler than patching it.
        rtl = next.rtl;
        chart.destroy();
        chart = new Chart(canvas, config(next, colours));
        return;
      }
      chart.data.labels = next.labels;
      chart.data.datasets[0]!.data = next.values;
      chart.update('none');
    },
    destroy() {
      chart.destroy();
    },
  };
}
