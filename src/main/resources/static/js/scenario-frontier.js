// Efficient frontier of a scenario run: best value per budget level (data in data-frontier; table beside it).
document.addEventListener('DOMContentLoaded', () => {
  if (typeof echarts === 'undefined') {
    return;
  }
  document.querySelectorAll('[data-frontier]').forEach((element) => {
    const points = JSON.parse(element.dataset.frontier || '[]');
    const chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', renderMode: 'richText' }, // SVG text: nothing for the CSP to refuse
      grid: { left: 80, right: 24, top: 24, bottom: 56 },
      xAxis: { type: 'value', name: element.dataset.xLabel, nameLocation: 'middle', nameGap: 32, scale: true,
        axisLabel: { formatter: (v) => (v / 1e6).toLocaleString('de-DE') + ' Mio.' } },
      yAxis: { type: 'value', name: element.dataset.yLabel, scale: true },
      series: [{ type: 'line', data: points, symbolSize: 8, lineStyle: { width: 3 } }]
    });
    window.addEventListener('resize', () => chart.resize());
  });
});
