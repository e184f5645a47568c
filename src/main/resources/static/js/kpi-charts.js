// Charts of the strategy achievement pages (Apache ECharts). Data comes from data-chart attributes; every chart
// has a table next to it, so the chart is decoration for sighted users and hidden from the accessibility tree.
(function () {
  'use strict';

  function bar(el, data) {
    return {
      grid: { left: 48, right: 16, top: 16, bottom: 64 },
      xAxis: { type: 'category', data: data.labels, axisLabel: { interval: 0, rotate: data.labels.length > 4 ? 20 : 0 } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      series: [{ type: 'bar', data: data.values, itemStyle: { color: '#1f4e79' },
        label: { show: true, position: 'top', formatter: function (p) { return p.value == null ? '' : p.value + ' %'; } } }]
    };
  }

  function line(el, data) {
    var measured = [data.baseline].concat(data.measurements);
    var last = measured[measured.length - 1];
    var series = [
      { name: el.dataset.labelMeasured, type: 'line', data: measured, symbolSize: 8, itemStyle: { color: '#1f4e79' } },
      { name: el.dataset.labelTarget, type: 'line', data: [[data.baseline[0], data.target[1]], data.target],
        symbol: 'none', lineStyle: { type: 'dashed', color: '#2e7d32' }, itemStyle: { color: '#2e7d32' } }
    ];
    if (data.forecast) {
      series.push({ name: el.dataset.labelForecast, type: 'line', data: [last, data.forecast], symbol: 'diamond',
        lineStyle: { type: 'dotted', color: '#b35900' }, itemStyle: { color: '#b35900' } });
    }
    return {
      grid: { left: 64, right: 24, top: 40, bottom: 40 },
      legend: { top: 0 },
      // drawn as SVG text: no user text in innerHTML, no inline styles for the CSP to refuse
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      xAxis: { type: 'time' },
      yAxis: { type: 'value', scale: true, name: data.unit },
      series: series
    };
  }

  function init() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-kpi-chart]').forEach(function (el) {
      var data = JSON.parse(el.dataset.chart);
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(el.dataset.kpiChart === 'line' ? line(el, data) : bar(el, data));
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
