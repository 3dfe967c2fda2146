import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { BarChartData } from './chart-data';

// Only what a bar chart needs: this module (and chart.js) is loaded when a chart is opened.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export interface BarChart {
  update(data: BarChartData): void;
  destroy(): void;
}

function config(data: BarChartData, colours: { bar: string; text: string; grid: string; font: string }): ChartConfiguration<'bar'> {
  return {
    type: 'bar',
    data: { labels: data.labels, datasets: [{ data: data.values, backgroundColor: colours.bar, borderRadius: 6 }] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: window.matchMedia('(prefers-reduced-motion: reduce)').matches ? false : { duration: 400 },
      locale: data.rtl ? 'fa-IR' : 'en-GB',
      font: { family: colours.font },
      color: colours.text,
      scales: {
        x: { reverse: data.rtl, ticks: { color: colours.text, font: { family: colours.font } }, grid: { display: false } },
        y: {
          display: data.measure === 'score',
          beginAtZero: true,
          position: data.rtl ? 'right' : 'left',
          title: { display: true, text: data.axisLabel, color: colours.text, font: { family: colours.font } },
          ticks: { color: colours.text, font: { family: colours.font }, callback: (value) => data.formatValue(Number(value)) },
          grid: { color: colours.grid },
        },
      },
      plugins: {
        tooltip: {
          rtl: data.rtl,
          textDirection: data.rtl ? 'rtl' : 'ltr',
          titleFont: { family: colours.font },
          bodyFont: { family: colours.font },
          callbacks: {
            title: (items) => data.details[items[0]?.dataIndex ?? 0] ?? '',
            label: (item) => (data.measure === 'score' ? `${data.axisLabel}: ${data.formatValue(item.parsed.y ?? 0)}` : ''),
          },
        },
      },
    },
  };
}

export function createBarChart(canvas: HTMLCanvasElement, data: BarChartData): BarChart {
  const style = getComputedStyle(canvas);
  const colours = {
    bar: style.getPropertyValue('--accent').trim() || '#8a6100',
    text: style.color || '#222',
    grid: 'rgba(127, 127, 127, 0.25)',
    font: style.fontFamily || 'Vazirmatn, sans-serif',
  };
  let chart = new Chart(canvas, config(data, colours));
  return {
    update(next) {
      // Direction and measure change the whole layout; a new chart is simpler than patching it.
      chart.destroy();
      chart = new Chart(canvas, config(next, colours));
    },
    destroy() {
      chart.destroy();
    },
  };
}
