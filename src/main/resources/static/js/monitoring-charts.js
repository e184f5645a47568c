// Monitoring charts (ECharts). Data comes from data-chart attributes; every chart has a table beside it, and
// traffic lights are told apart by pattern and label as well as by colour. Everything with user text is drawn as
// SVG text, tooltips included (renderMode 'richText'): an HTML tooltip would put user text into innerHTML and needs
// inline style attributes, which the Content-Security-Policy (style-src 'self') refuses. Formatters return text.
(function () {
  'use strict';
  var LIGHT = { GREEN: '#2e7d32', YELLOW: '#f9a825', RED: '#c62828', NONE: '#9e9e9e' };
  var DECAL = { GREEN: 'none', YELLOW: 'line', RED: 'cross', NONE: 'circle' };
  var TEXT_TOOLTIP = 'richText';

  function stacked(el, data) {
    return {
      tooltip: { trigger: 'axis', renderMode: TEXT_TOOLTIP },
      legend: {},
      grid: { containLabel: true, left: 8, right: 16 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: data.categories, inverse: true },
      series: data.series.map(function (s) {
        return {
          name: s.name, type: 'bar', stack: 'lights', data: s.data,
          itemStyle: { color: LIGHT[s.light], decal: DECAL[s.light] === 'none' ? undefined : { symbol: DECAL[s.light] } },
          label: { show: true, formatter: function (p) { return p.value > 0 ? p.value : ''; } }
        };
      })
    };
  }

  function bars(el, data) {
    return {
      tooltip: { trigger: 'axis', renderMode: TEXT_TOOLTIP },
      legend: {},
      grid: { containLabel: true },
      xAxis: { type: 'category', data: data.categories },
      yAxis: { type: 'value' },
      series: data.series.map(function (s, i) {
        return { name: s.name, type: 'bar', data: s.data, itemStyle: i === 1 ? { decal: { symbol: 'line' } } : {} };
      })
    };
  }

  function roadmap(el, data) {
    var keys = data.bars.map(function (b) { return b.key; });
    var points = [];
    data.bars.forEach(function (b, i) {
      b.milestones.forEach(function (m) {
        points.push({ value: [m.date, i], name: m.title, itemStyle: { color: m.slipped ? LIGHT.RED : '#1a237e' } });
      });
    });
    return {
      // plain text (drawn as SVG text, never parsed as HTML): the milestone title and key as they were entered
      tooltip: { renderMode: TEXT_TOOLTIP, formatter: function (p) {
        return p.seriesType === 'scatter' ? p.name + ' ' + p.value[0] : keys[p.value[0]];
      } },
      grid: { containLabel: true, left: 8, right: 16 },
      xAxis: { type: 'time' },
      yAxis: { type: 'category', data: keys, inverse: true },
      dataZoom: [{ type: 'slider', yAxisIndex: 0, startValue: 0, endValue: Math.min(keys.length - 1, 24) }],
      series: [{
        type: 'custom',
        renderItem: function (params, api) {
          var start = api.coord([api.value(1), api.value(0)]);
          var end = api.coord([api.value(2), api.value(0)]);
          var h = api.size([0, 1])[1] * 0.5;
          return { type: 'rect', shape: { x: start[0], y: start[1] - h / 2, width: Math.max(2, end[0] - start[0]), height: h },
            style: api.style({ fill: '#90caf9' }) };
        },
        encode: { x: [1, 2], y: 0 },
        data: data.bars.map(function (b, i) { return [i, b.start, b.end]; })
      }, { type: 'scatter', name: data.milestoneLabel, symbol: 'diamond', symbolSize: 10, data: points }]
    };
  }

  function graph(el, data) {
    return {
      tooltip: { renderMode: TEXT_TOOLTIP },
      series: [{
        type: 'graph', layout: 'force', roam: true, draggable: true,
        force: { repulsion: 120, edgeLength: 60 },
        edgeSymbol: ['none', 'arrow'],
        label: { show: true, position: 'right', fontSize: 10 },
        data: data.nodes.map(function (n) {
          return { id: n.id, name: n.name, symbolSize: n.endangered ? 14 : 8, itemStyle: { color: n.endangered ? LIGHT.RED : '#1a237e' } };
        }),
        links: data.links.map(function (l) {
          return { source: l.source, target: l.target,
            lineStyle: l.late ? { color: LIGHT.RED, type: 'dashed', width: 2 } : { color: '#757575' },
            label: l.late ? { show: true, formatter: data.lateLabel, fontSize: 10 } : { show: false } };
        })
      }]
    };
  }

  var BUILDERS = { stacked: stacked, bars: bars, roadmap: roadmap, graph: graph };

  function init() {
    if (typeof echarts === 'undefined') {
      return;
    }
    document.querySelectorAll('[data-chart]').forEach(function (el) {
      var data = JSON.parse(el.getAttribute('data-chart'));
      var build = BUILDERS[data.type];
      if (!build) {
        return;
      }
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(build(el, data));
      if (data.type === 'roadmap') {
        chart.on('click', function (p) {
          var bar = data.bars[p.seriesType === 'custom' ? p.value[0] : p.value[1]];
          if (bar) { window.location.href = bar.href; }
        });
      }
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }

  document.addEventListener('DOMContentLoaded', init);
}());
