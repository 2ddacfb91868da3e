// Draws the moderators' stats charts with uPlot (served from its WebJar, no inline script: the CSP
// allows only our own files). Each chart's data is the table under it, which stays as the
// accessible fallback: the first column holds the UTC day (data-day), the others one series each.
(function () {
  'use strict';

  var COLORS = ['#0d6efd', '#198754', '#dc3545', '#fd7e14'];

  function readTable(table) {
    var labels = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.textContent.trim();
    }).slice(1);
    var columns = [[]];
    labels.forEach(function () { columns.push([]); });
    Array.prototype.forEach.call(table.querySelectorAll('tbody tr'), function (row) {
      var day = row.querySelector('[data-day]');
      if (!day) {
        return;
      }
      var parts = day.getAttribute('data-day').split('-');
      columns[0].push(Date.UTC(+parts[0], +parts[1] - 1, +parts[2]) / 1000);
      var cells = row.querySelectorAll('td');
      labels.forEach(function (label, i) {
        var value = cells[i] ? Number(cells[i].textContent.trim()) : NaN;
        columns[i + 1].push(isNaN(value) ? null : value);
      });
    });
    return { labels: labels, columns: columns };
  }

  function draw(figure) {
    var table = figure.querySelector('[data-stats-table]');
    var target = figure.querySelector('.stats-plot');
    if (!table || !target || typeof uPlot === 'undefined') {
      return;
    }
    var data = readTable(table);
    if (data.columns[0].length === 0) {
      return;
    }
    var ink = getComputedStyle(figure).color;
    var grid = { stroke: 'rgba(128,128,128,0.2)' };
    var series = [{}].concat(data.labels.map(function (label, i) {
      return { label: label, stroke: COLORS[i % COLORS.length], width: 2, points: { show: data.columns[0].length < 40 } };
    }));
    var width = function () { return Math.max(280, target.clientWidth || figure.clientWidth); };
    var plot = new uPlot({
      width: width(),
      height: 240,
      tzDate: function (ts) { return uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'); },
      series: series,
      scales: { y: { range: function (u, min, max) { return [0, Math.max(1, max)]; } } },
      axes: [
        { stroke: ink, grid: grid, ticks: grid },
        { stroke: ink, grid: grid, ticks: grid }
      ]
    }, data.columns, target);
    figure.setAttribute('data-stats-drawn', 'true');
    if (typeof ResizeObserver !== 'undefined') {
      new ResizeObserver(function () { plot.setSize({ width: width(), height: 240 }); }).observe(target);
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-stats-chart]'), draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
