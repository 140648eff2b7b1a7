// The transfer-monitor dashboard: reads /api/..., draws the charts, reloads what the monitor's
// server-sent events say has changed. No build step, no network beyond the monitor itself.
'use strict';

const COLORS = { REPORTED: '#3d6fb6', OBSERVED: '#c0392b', reached: '#1d2330', level: '#8a93a6' };
const KINDS = {
  CONTAINER_SHIPMENT: { label: 'container shipments', color: '#3d6fb6' },
  ARMS_TRANSFER: { label: 'arms transfers', color: '#c0392b' },
  TANKER_DELIVERY: { label: 'tanker deliveries', color: '#d9622b' },
  TROOP_DEPLOYMENT: { label: 'troop deployments', color: '#4c7a34' },
  WORKER_DISPATCH: { label: 'worker dispatches', color: '#c79a00' },
  FINANCIAL_TRANSFER: { label: 'financial transfers', color: '#7b5ea7' },
  VESSEL_ACTIVITY: { label: 'vessel activities', color: '#1d2330' },
  COMPONENT_FINDING: { label: 'components found in weapons', color: '#7a5c2e' },
};
// Units as people write them, [one, more than one]; a currency code stays as it is (RUB, USD).
const UNITS = { BARREL: ['bbl', 'bbl'], METRIC_TON: ['t', 't'], CONTAINERS: ['container', 'containers'],
  PERSONNEL: ['person', 'personnel'], WORKERS: ['worker', 'workers'], ROUNDS: ['round', 'rounds'],
  UNITS: ['unit', 'units'], SYSTEMS: ['system', 'systems'], BATTERIES: ['battery', 'batteries'],
  EVENTS: ['event', 'events'], VESSELS: ['vessel', 'vessels'], COMPONENTS: ['component', 'components'] };
const charts = {};

const number = (v) => (v === null || v === undefined ? '–'
  : Number(v).toLocaleString('en-US', { maximumFractionDigits: 0 }));
const percent = (v) => (v === null || v === undefined ? '–'
  : (v * 100).toLocaleString('en-US', { maximumFractionDigits: 1 }) + ' %');
const year = (day) => (day || '').substring(0, 4);
const kindLabel = (kind) => (KINDS[kind] ? KINDS[kind].label : kind);

function unitWord(unit, amount) {
  const words = UNITS[unit];
  if (words) return Math.abs(amount) === 1 ? words[0] : words[1];
  if (/^[A-Z]{3}$/.test(unit || '')) return unit;
  return (unit || '').toLowerCase().replaceAll('_', ' ');
}
// "1,101,187 bbl", "1 unit", "48,500,000 RUB"
const quantity = (amount, unit) => `${number(amount)} ${unitWord(unit, amount)}`.trim();
const amounts = (quantities) => Object.entries(quantities || {})
  .map(([unit, amount]) => quantity(amount, unit)).join(', ');

// A chart label in lines of at most `width` characters, broken after a hyphen or at a space, so a
// long rule id stays whole on a narrow screen instead of being cut off.
function wrapLabel(text, width) {
  const lines = [];
  let line = '';
  for (const part of text.split(/(?<=[- ])/)) {
    if (line && (line + part).trim().length > width) {
      lines.push(line.trim());
      line = '';
    }
    line += part;
  }
  if (line.trim()) lines.push(line.trim());
  return lines;
}
const labelWidth = () => (window.innerWidth < 700 ? 14 : 40);

function cell(text, className) {
  const td = document.createElement('td');
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

function fillTable(id, rows, toCells, emptyText) {
  const body = document.querySelector(`#${id} tbody`);
  body.replaceChildren();
  if (rows.length === 0) {
    const tr = document.createElement('tr');
    const td = cell(emptyText, 'empty');
    td.colSpan = document.querySelectorAll(`#${id} thead th`).length;
    tr.append(td);
    body.append(tr);
    return;
  }
  const heads = [...document.querySelectorAll(`#${id} thead th`)].map((th) => th.textContent);
  for (const row of rows) {
    const tr = document.createElement('tr');
    toCells(row, tr);
    // each cell names its column, for the phone layout where a row is a block of lines
    [...tr.children].forEach((td, i) => { if (heads[i]) td.dataset.label = heads[i]; });
    body.append(tr);
  }
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `${path}: ${response.status}`);
  return body;
}

function showError(section, error) {
  let p = document.querySelector(`#${section} > p.error`);
  if (!p) {
    p = document.createElement('p');
    p.className = 'error';
    document.querySelector(`#${section} > :is(h2, h3)`).after(p);
  }
  p.textContent = `Not available now: ${error.message}`;
}

function clearError(section) {
  document.querySelector(`#${section} > p.error`)?.remove();
}

// Draws each level of each cap as a mark across its bar: dark and heavy once reached.
const levelMarks = {
  id: 'levelMarks',
  afterDatasetsDraw(chart) {
    const caps = chart.options.plugins.levelMarks.caps || [];
    const x = chart.scales.x;
    const { ctx } = chart;
    chart.getDatasetMeta(0).data.forEach((bar, i) => {
      const half = bar.height / 2 + 4;
      for (const level of caps[i]?.levels || []) {
        const px = x.getPixelForValue(level.threshold * 100);
        ctx.save();
        ctx.strokeStyle = level.reached ? COLORS.reached : COLORS.level;
        ctx.lineWidth = level.reached ? 3 : 1.5;
        ctx.beginPath();
        ctx.moveTo(px, bar.y - half);
        ctx.lineTo(px, bar.y + half);
        ctx.stroke();
        ctx.restore();
      }
    });
  },
};

function capLabel(cap) {
  return wrapLabel(`${cap.ruleId} ${year(cap.periodStart)} ${cap.basis.toLowerCase()}`,
    labelWidth());
}

function drawCaps(caps) {
  const data = {
    labels: caps.map(capLabel),
    datasets: [{
      label: 'share of the limit (%)',
      data: caps.map((c) => (c.ratio === null ? 0 : c.ratio * 100)),
      backgroundColor: caps.map((c) => COLORS[c.basis] || COLORS.level),
    }],
  };
  const maxShare = Math.ceil(Math.max(110, ...data.datasets[0].data.map((v) => v + 10)) / 50) * 50;
  if (charts.caps) {
    charts.caps.data = data;
    charts.caps.options.plugins.levelMarks.caps = caps;
    charts.caps.options.scales.x.max = maxShare;
    charts.caps.update();
    return;
  }
  charts.caps = new Chart(document.getElementById('caps-chart'), {
    type: 'bar',
    data,
    options: {
      indexAxis: 'y',
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { min: 0, max: maxShare, title: { display: true, text: '% of the limit' } } },
      plugins: { legend: { display: false }, levelMarks: { caps } },
    },
    plugins: [levelMarks],
  });
}

// A level's label, filled once reached.
function levelTag(label, reached) {
  const span = document.createElement('span');
  span.className = reached ? 'level reached' : 'level';
  span.dataset.level = label;
  span.textContent = label;
  return span;
}

function capRows(caps) {
  fillTable('caps-table', caps, (c, tr) => {
    tr.dataset.cap = `${c.ruleId}/${c.periodStart}/${c.basis}`;
    tr.append(cell(c.removed ? `${c.ruleId} (removed: frozen)` : c.ruleId),
      cell(`${c.periodStart} – ${c.periodEnd}`), cell(c.basis),
      cell(quantity(c.total, c.unit), 'number'), cell(quantity(c.limit, c.unit), 'number'),
      cell(percent(c.ratio), 'number'));
    const levels = document.createElement('td');
    for (const level of c.levels) {
      const tag = levelTag(level.label, level.reached);
      tag.title = `${percent(level.threshold)} of the limit, ${quantity(level.amount, c.unit)}`;
      levels.append(tag);
    }
    tr.append(levels);
  }, 'No cap has counted an event yet.');
}

async function loadCaps() {
  try {
    const caps = await getJson('api/caps');
    clearError('caps');
    drawCaps(caps);
    capRows(caps);
    drawFilling(caps);
    clearError('cap-filling');
  } catch (e) {
    showError('caps', e);
    showError('cap-filling', e);
  }
}

// Caps filling up: one chart per cap rule and period, a line per basis of the running total at each
// month's end (event time), the limit and its levels as dashed lines across.
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The months of [start, end): '2024-01', ..., '2024-12'.
function monthsOf(start, end) {
  const months = [];
  let [y, m] = start.split('-').map(Number);
  const [endY, endM] = end.split('-').map(Number);
  while (y < endY || (y === endY && m < endM) || months.length === 0) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return months;
}

function monthLabel(month, oneYear) {
  const [y, m] = month.split('-');
  return oneYear ? MONTHS[Number(m) - 1] : `${MONTHS[Number(m) - 1]} ${y.substring(2)}`;
}

// A basis's points: 0 at the period's start, then the total at each month's end; after the last
// month counted the line stays flat up to this month (or the period's end), and stops there.
function fillingPoints(cap, months) {
  const byMonth = new Map(cap.filling.map((p) => [p.month, p.total]));
  const thisMonth = new Date().toISOString().substring(0, 7);
  const lastCounted = cap.filling.length ? cap.filling[cap.filling.length - 1].month : null;
  let running = 0;
  const points = [0];
  for (const month of months) {
    if (byMonth.has(month)) running = byMonth.get(month);
    const ahead = month > thisMonth && (lastCounted === null || month > lastCounted);
    points.push(ahead ? null : running);
  }
  return points;
}

// Draws each level of the chart's cap as a dashed line across, named at its end; the limit solid.
const levelLines = {
  id: 'levelLines',
  afterDatasetsDraw(chart) {
    const { levels, limit } = chart.options.plugins.levelLines;
    const { ctx, chartArea } = chart;
    const y = chart.scales.y;
    const lines = levels.length ? levels
      : (limit ? [{ label: 'limit', threshold: 1, amount: limit }] : []);
    lines.forEach((level, i) => {
      const py = y.getPixelForValue(level.amount);
      const isLimit = level.threshold === 1;
      ctx.save();
      ctx.strokeStyle = isLimit ? COLORS.reached : COLORS.level;
      ctx.lineWidth = isLimit ? 1.5 : 1;
      ctx.setLineDash(isLimit ? [] : [5, 4]);
      ctx.beginPath();
      ctx.moveTo(chartArea.left, py);
      ctx.lineTo(chartArea.right, py);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = isLimit ? COLORS.reached : '#5c6577';
      ctx.font = '11px system-ui, sans-serif';
      // labels alternate between the left and right ends, so close levels (95 %, 100 %) stay legible
      const left = i % 2 === 0;
      ctx.textAlign = left ? 'left' : 'right';
      ctx.fillText(`${level.label} ${percent(level.threshold)}`,
        left ? chartArea.left + 4 : chartArea.right - 4, py - 3);
      ctx.restore();
    });
  },
};

function fillingFigure(key, first) {
  const figure = document.createElement('figure');
  figure.dataset.filling = key;
  const caption = document.createElement('figcaption');
  const title = document.createElement('span');
  const small = document.createElement('small');
  caption.append(title, small);
  const box = document.createElement('div');
  box.className = 'chart';
  const canvas = document.createElement('canvas');
  canvas.id = `filling-${key.replace(/[^A-Za-z0-9-]/g, '_')}`;
  canvas.setAttribute('aria-label', `${first.ruleId} ${first.periodStart}: running total by month`);
  box.append(canvas);
  const now = document.createElement('p');
  now.className = 'now';
  figure.append(caption, box, now);
  return figure;
}

function drawFilling(caps) {
  const container = document.getElementById('cap-filling-charts');
  const periods = new Map();
  for (const cap of caps) {
    const key = `${cap.ruleId}/${cap.periodStart}`;
    if (!periods.has(key)) periods.set(key, []);
    periods.get(key).push(cap);
  }
  if (periods.size === 0) {
    container.replaceChildren();
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No cap has counted an event yet.';
    container.append(p);
    return;
  }
  for (const [key, bars] of periods) {
    const first = bars[0];
    let figure = container.querySelector(`figure[data-filling="${CSS.escape(key)}"]`);
    if (!figure) {
      container.querySelector(':scope > p.empty')?.remove();
      figure = fillingFigure(key, first);
      container.append(figure);
    }
    const months = monthsOf(first.periodStart.substring(0, 7), first.periodEnd.substring(0, 7));
    const oneYear = months.length <= 12;
    const [title, small] = figure.querySelectorAll('figcaption > *');
    title.textContent = `${first.title}, ${first.periodStart} – ${first.periodEnd}`;
    small.textContent = `${first.ruleId}${first.removed ? ' (removed: frozen)' : ''}; `
      + `limit ${quantity(first.limit, first.unit)}`;
    const data = {
      labels: ['start', ...months.map((m) => monthLabel(m, oneYear))],
      datasets: bars.map((bar) => ({
        label: bar.basis.toLowerCase(),
        basis: bar.basis,
        data: fillingPoints(bar, months),
        borderColor: COLORS[bar.basis] || COLORS.level,
        backgroundColor: COLORS[bar.basis] || COLORS.level,
        pointRadius: 2,
        tension: 0,
        spanGaps: false,
      })),
    };
    const highest = Math.max(first.limit || 0, ...bars.map((b) => b.total));
    const now = figure.querySelector('.now');
    now.replaceChildren(...bars.map((bar) => {
      const span = document.createElement('span');
      span.dataset.basis = bar.basis;
      span.className = bar.ratio !== null && bar.ratio >= 1 ? 'severity-CRITICAL' : '';
      span.textContent = `${bar.basis.toLowerCase()}: ${quantity(bar.total, bar.unit)}`
        + (bar.ratio === null ? '' : ` (${percent(bar.ratio)})`);
      return span;
    }));
    const canvas = figure.querySelector('canvas');
    const chart = Chart.getChart(canvas);
    const levelOptions = { levels: first.levels, limit: first.limit, unit: first.unit };
    if (chart) {
      chart.data = data;
      Object.assign(chart.options.plugins.levelLines, levelOptions);
      chart.options.scales.y.suggestedMax = highest * 1.05;
      chart.update();
      continue;
    }
    new Chart(canvas, {
      type: 'line',
      data,
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { ticks: { autoSkip: true, maxRotation: 0 } },
          y: { min: 0, suggestedMax: highest * 1.05,
            ticks: { callback: (v) => number(v) },
            title: { display: true, text: `${unitWord(first.unit, 2)}, running total` } },
        },
        plugins: {
          levelLines: levelOptions,
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: `
            + `${quantity(item.raw, first.unit)}`
            + (item.dataIndex === 0 ? ' at the start' : ` by the end of ${item.label}`) } },
        },
      },
      plugins: [levelLines],
    });
  }
}

function drawReportedObserved(rows) {
  const data = {
    labels: rows.map((r) => wrapLabel(`${r.ruleId} ${year(r.periodStart)}`, labelWidth())),
    datasets: ['REPORTED', 'OBSERVED'].map((basis) => ({
      label: basis.toLowerCase(),
      data: rows.map((r) => (basis === 'REPORTED' ? r.reported : r.observed)),
      backgroundColor: COLORS[basis],
    })),
  };
  if (charts.reportedObserved) {
    charts.reportedObserved.data = data;
    charts.reportedObserved.update();
    return;
  }
  charts.reportedObserved = new Chart(document.getElementById('reported-observed-chart'), {
    type: 'bar',
    data,
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { y: { beginAtZero: true, title: { display: true, text: 'barrels' } } },
    },
  });
}

async function loadReportedObserved() {
  try {
    const rows = await getJson('api/reported-observed');
    clearError('reported-observed');
    drawReportedObserved(rows);
    fillTable('reported-observed-table', rows, (r, tr) => {
      tr.dataset.period = `${r.ruleId}/${r.periodStart}`;
      tr.append(cell(r.ruleId), cell(`${r.periodStart} – ${r.periodEnd}`),
        cell(number(r.reported), 'number'), cell(number(r.observed), 'number'),
        cell(r.reported > 0 ? `${(r.observed / r.reported).toFixed(2)} ×` : '–', 'number'));
    }, 'Nothing counted yet.');
  } catch (e) {
    showError('reported-observed', e);
  }
}

async function loadReportingGaps() {
  try {
    const gaps = await getJson('api/reporting-gaps');
    clearError('reporting-gaps');
    fillTable('reporting-gaps-table', gaps, (g, tr) => {
      tr.dataset.gap = `${g.ruleId}/${g.periodStart}/${g.scope}`;
      tr.append(cell(g.ruleId), cell(g.periodStart), cell(g.scope),
        cell(number(g.reported), 'number'), cell(number(g.observed), 'number'),
        cell(g.ratio === null ? '–' : `${g.ratio.toFixed(2)} ×`, 'number'));
      const levels = document.createElement('td');
      levels.append(...g.raisedLevels.map((label) => levelTag(label, true)));
      tr.append(levels);
    }, 'No reporting-gap rule has compared anything yet.');
  } catch (e) {
    showError('reporting-gaps', e);
  }
}

async function loadComponents() {
  try {
    const rows = await getJson('api/components');
    clearError('components');
    const states = rows.filter((r) => r.dimension === 'COUNTRY');
    fillTable('components-table', states, (r, tr) => {
      tr.dataset.state = r.value;
      tr.append(cell(r.value), cell(number(r.findings), 'number'),
        cell(`${r.makers.length}: ${r.makers.join(', ')}`),
        cell(number(r.priorityListed), 'number'), cell(r.newestMade || '–'));
    }, 'No component found in a weapon yet.');
  } catch (e) {
    showError('components', e);
  }
}

function drawActivity(activity) {
  const data = {
    labels: activity.weeks.map((w) => w.week),
    datasets: activity.kinds.map((kind) => ({
      label: kindLabel(kind),
      kind,
      data: activity.weeks.map((w) => w.events[kind] || 0),
      backgroundColor: KINDS[kind] ? KINDS[kind].color : COLORS.level,
    })),
  };
  // what each bar counted, for its tooltip: "120 containers"
  const quantities = (item) => amounts(activity.weeks[item.dataIndex].quantities[item.dataset.kind]);
  if (charts.activity) {
    charts.activity.data = data;
    charts.activity.options.plugins.tooltip.callbacks.footer = (items) => items.map(quantities);
    charts.activity.update();
    return;
  }
  charts.activity = new Chart(document.getElementById('activity-chart'), {
    type: 'bar',
    data,
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true, ticks: { autoSkip: true, maxRotation: 0 } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: 'events per week' },
        },
      },
      plugins: { tooltip: { callbacks: { footer: (items) => items.map(quantities) } } },
    },
  });
}

function showYearly(yearly) {
  const totals = document.getElementById('activity-totals');
  totals.replaceChildren();
  if (yearly.length === 0) {
    const p = document.createElement('p');
    p.className = 'empty';
    p.textContent = 'No troop deployment or worker dispatch counted yet.';
    totals.append(p);
    return;
  }
  for (const y of yearly) {
    const div = document.createElement('div');
    div.dataset.total = `${y.kind}/${y.year}`;
    const dt = document.createElement('dt');
    dt.textContent = `${kindLabel(y.kind)}, ${y.year}`;
    const dd = document.createElement('dd');
    dd.textContent = amounts(y.quantities);
    const more = document.createElement('small');
    more.textContent = `${number(y.events)} events; ${amounts(y.cumulative)} in all by then`;
    dd.append(more);
    div.append(dt, dd);
    totals.append(div);
  }
}

async function loadActivity() {
  try {
    const activity = await getJson('api/activity');
    clearError('activity');
    drawActivity(activity);
    showYearly(activity.yearly);
  } catch (e) {
    showError('activity', e);
  }
}

function messageCell(message) {
  const td = cell('');
  const div = document.createElement('div');
  div.className = 'message';
  div.textContent = message;
  div.title = message;
  div.addEventListener('click', () => div.classList.toggle('open'));
  td.append(div);
  return td;
}

const CASE_CHANGES = { OPENED: 'opened', ESCALATED: 'escalated', UPDATED: 'update of' };

function caseChangeText(alert) {
  if (!alert.caseId) return '–';
  return `${CASE_CHANGES[alert.caseChange] || 'filed in'} ${alert.caseId}`;
}

async function loadAlerts() {
  try {
    const alerts = await getJson('api/alerts?limit=50');
    clearError('alerts');
    fillTable('alerts-table', alerts.latest, (a, tr) => {
      tr.dataset.alert = a.alertId;
      const update = a.caseChange === 'UPDATED';
      if (a.caseChange) tr.dataset.caseChange = a.caseChange;
      // one more alert in a case already at its severity is not news: an update, not a CRITICAL
      const severity = update ? cell('update', 'severity-update')
        : cell(a.severity, `severity-${a.severity}`);
      if (update) severity.title = `${a.severity}, as its case already is`;
      severity.classList.add('severity');
      tr.append(cell(a.eventTime.replace('T', ' ').substring(0, 16), 'time'), severity,
        cell(a.ruleId, 'rule'), cell(a.level || '–', a.level ? '' : 'none'),
        cell(caseChangeText(a)), messageCell(a.message));
    }, 'No alert yet.');
  } catch (e) {
    showError('alerts', e);
  }
}

function list(items, limit) {
  const ul = document.createElement('ul');
  for (const item of items.slice(-limit)) {
    const li = document.createElement('li');
    li.textContent = item;
    ul.append(li);
  }
  if (items.length > limit) {
    const li = document.createElement('li');
    li.className = 'empty';
    li.textContent = `and ${items.length - limit} more`;
    ul.prepend(li);
  }
  return ul;
}

// Why a case's total is not the cap's: a cap or reporting-gap case holds the period's total as its
// latest level alert carried it (the cap counts on after that), any other case adds up the events
// of the alerts filed in it since it opened.
function totalsNote(c, caps, gaps) {
  const parts = c.caseId.split('/');
  if (c.ruleKind === 'CAP') {
    const cap = caps.find((b) => b.ruleId === c.ruleId && parts.includes(b.periodStart)
      && parts.includes(b.basis));
    const now = cap ? `; the cap has counted ${quantity(cap.total, cap.unit)} by now` : '';
    return `the period's total when its latest level alert (${c.level || '–'}) was raised${now}`;
  }
  if (c.ruleKind === 'DISCREPANCY') {
    const gap = gaps.find((g) => g.ruleId === c.ruleId && parts.includes(g.periodStart)
      && g.scope === 'ALL');
    const now = gap ? `; ${number(gap.observed)} observed against ${number(gap.reported)} `
      + 'reported by now' : '';
    return `the observed total when its latest level alert (${c.level || '–'}) was raised${now}`;
  }
  const alerts = c.alertCount === 1 ? 'its one alert reports'
    : `its ${number(c.alertCount)} alerts report, one event each,`;
  return `what ${alerts} since the case opened ${(c.firstEventTime || '').substring(0, 10)}`;
}

function totalsCell(c, caps, gaps) {
  const td = cell(c.totals.map((t) => quantity(t.amount, t.unit)).join(', ') || '–');
  td.dataset.totals = c.caseId;
  if (c.totals.length > 0) {
    const note = document.createElement('small');
    note.className = 'note';
    note.textContent = totalsNote(c, caps, gaps);
    td.append(note);
  }
  return td;
}

// The sources by name (their document references on hover); the references when no name is known.
function sourcesList(c) {
  const named = c.sourceNames && c.sourceNames.length > 0;
  const ul = list(named ? c.sourceNames : c.sources, 3);
  ul.className = 'sources';
  if (named) ul.title = `documents cited: ${c.sources.join(', ')}`;
  return ul;
}

async function loadCases() {
  try {
    const [cases, caps, gaps] = await Promise.all([getJson('api/cases'), getJson('api/caps'),
      getJson('api/reporting-gaps')]);
    clearError('cases');
    fillTable('cases-table', cases, (c, tr) => {
      tr.dataset.case = c.caseId;
      tr.append(cell(c.severity, `severity-${c.severity}`), cell(c.title), cell(c.status),
        cell(number(c.alertCount), 'number'), totalsCell(c, caps, gaps));
      const evidence = document.createElement('td');
      evidence.className = 'evidence';
      evidence.append(list(c.evidence, 3), sourcesList(c));
      tr.append(evidence);
    }, 'No open case.');
  } catch (e) {
    showError('cases', e);
  }
}

async function loadInstances() {
  try {
    const instances = await getJson('api/instances');
    clearError('instances');
    fillTable('instances-table', instances, (i, tr) => {
      tr.append(cell(i.self ? `${i.address} (this one)` : i.address), cell(i.stores.join(', ')),
        cell(`${i.partitions.length} partitions`));
    }, 'No instance is running.');
  } catch (e) {
    showError('instances', e);
  }
}

// The map of AIS findings: Leaflet without tiles, the sea its background, the land Natural Earth's.
const FINDINGS = {
  PORT_CALL: { label: 'port calls', one: 'port call', color: '#3d6fb6' },
  ENCOUNTER: { label: 'encounters', one: 'encounter', color: '#b3261e' },
  DARK_PERIOD: { label: 'dark periods', one: 'dark period', color: '#1d2330' },
  IDENTITY_ANOMALY: { label: 'identity anomalies', one: 'identity anomaly', color: '#d9622b' },
  OTHER: { label: 'other findings', one: 'finding', color: '#8a93a6' },
};
const PLACE_COLORS = { port: '#4c7a34', area: '#c79a00' };
const TRACK_COLOR = '#7b5ea7';
const FINDING_ROWS = 100;
// the map, its layers, and each finding's layer by finding id (the browser test reads it)
const vesselMap = { ready: null, map: null, findings: null, tracks: null, fitted: false,
  byFinding: new Map() };

const when = (time) => (time ? time.substring(0, 16).replace('T', ' ') : null);
const vesselLabel = (mmsi, name) => (name ? `${name} (MMSI ${mmsi})` : `MMSI ${mmsi}`);

// A popup's content as text nodes: names and details come from the feed, never as HTML.
function popup(title, lines) {
  const div = document.createElement('div');
  const strong = document.createElement('strong');
  strong.textContent = title;
  div.append(strong);
  for (const line of lines.filter(Boolean)) {
    div.append(document.createElement('br'), line);
  }
  return div;
}

function legend() {
  const control = L.control({ position: 'bottomright' });
  control.onAdd = () => {
    const div = L.DomUtil.create('div', 'legend');
    const entries = [...Object.values(FINDINGS).slice(0, 4),
      { label: 'ports', color: PLACE_COLORS.port },
      { label: 'areas of interest', color: PLACE_COLORS.area },
      { label: 'vessels in open cases', color: TRACK_COLOR }];
    for (const { label, color } of entries) {
      const row = document.createElement('div');
      const swatch = document.createElement('i');
      swatch.style.background = color;
      row.append(swatch, label);
      div.append(row);
    }
    return div;
  };
  return control;
}

function placesLayer(places) {
  const layer = L.featureGroup();
  for (const area of places.areas) {
    L.polygon(area.vertices, { color: PLACE_COLORS.area, weight: 1.5, dashArray: '5 4',
      fillOpacity: 0.06, className: 'area' })
      .bindTooltip(area.name)
      .bindPopup(popup(area.name, ['area of interest', `source: ${area.source}`]))
      .addTo(layer);
  }
  for (const port of places.ports) {
    L.circleMarker([port.lat, port.lon], { radius: 4, color: PLACE_COLORS.port, weight: 1.5,
      fillOpacity: 0.6, className: 'port' })
      .bindTooltip(`${port.name}, ${port.country}`)
      .bindPopup(popup(`${port.name}, ${port.country}`, [
        `port: in it within ${number(port.radiusMetres)} m`, `source: ${port.source}`]))
      .addTo(layer);
  }
  return layer;
}

async function createMap() {
  const [places, atlas] = await Promise.all([getJson('api/ais/places'),
    getJson('vendor/world-atlas/land-50m.json')]);
  const map = L.map('vessel-map', { worldCopyJump: true }).setView([39, 128], 5);
  L.geoJSON(topojson.feature(atlas, atlas.objects.land), { interactive: false,
    attribution: 'land: Natural Earth',
    style: { color: '#8a93a6', weight: 0.6, fillColor: '#f4f1ea', fillOpacity: 1,
      className: 'land' } }).addTo(map);
  const placed = placesLayer(places).addTo(map);
  vesselMap.tracks = L.featureGroup().addTo(map);
  vesselMap.findings = L.featureGroup().addTo(map);
  L.control.layers(null, { 'ports and areas of interest': placed,
    'vessels in open cases': vesselMap.tracks, findings: vesselMap.findings }).addTo(map);
  legend().addTo(map);
  if (places.ports.length + places.areas.length > 0) map.fitBounds(placed.getBounds().pad(0.1));
  vesselMap.map = map;
}

function findingPopup(f) {
  const style = FINDINGS[f.kind] || FINDINGS.OTHER;
  const vessels = f.otherMmsi ? `${vesselLabel(f.mmsi, f.name)} and MMSI ${f.otherMmsi}`
    : vesselLabel(f.mmsi, f.name);
  const end = f.end ? ` to ${when(f.end)}` : (f.kind === 'DARK_PERIOD' ? ', still dark' : '');
  return popup(`${style.one}: ${vessels}`, [
    `${when(f.start)}${end} UTC`, f.place, f.detail, f.eventId && `event ${f.eventId}`]);
}

function findingLayer(f) {
  const style = FINDINGS[f.kind] || FINDINGS.OTHER;
  const options = { color: style.color, className: `finding finding-${f.kind}` };
  const layer = L.featureGroup();
  const start = [f.latitude, f.longitude];
  if (f.endLatitude !== null && f.endLongitude !== null) {
    const end = [f.endLatitude, f.endLongitude];
    L.polyline([start, end], { ...options, weight: 2,
      dashArray: f.kind === 'DARK_PERIOD' ? '6 6' : null }).addTo(layer);
    L.circleMarker(end, { ...options, radius: 4, fillOpacity: 0.3 }).addTo(layer);
  }
  L.circleMarker(start, { ...options, radius: f.kind === 'ENCOUNTER' ? 7 : 5, fillOpacity: 0.7 })
    .addTo(layer);
  return layer.bindPopup(() => findingPopup(f));
}

function trackLayer(track) {
  const label = vesselLabel(track.mmsi, track.name);
  return L.polyline(track.points.map((p) => [p.latitude, p.longitude]),
    { color: TRACK_COLOR, weight: 2.5, opacity: 0.8, className: 'track' })
    .bindTooltip(label)
    .bindPopup(popup(label, [`open cases: ${track.caseIds.join(', ')}`,
      `${track.points.length} positions from its findings, ${when(track.points[0]?.time)} to `
      + `${when(track.points[track.points.length - 1]?.time)}`]));
}

function drawFindings(found) {
  const { map, findings, tracks } = vesselMap;
  findings.clearLayers();
  tracks.clearLayers();
  vesselMap.byFinding.clear();
  for (const track of found.tracks) trackLayer(track).addTo(tracks);
  for (const f of found.findings) {
    vesselMap.byFinding.set(f.findingId, findingLayer(f).addTo(findings));
  }
  // fitted once, to the first findings: later updates leave the user's view alone
  if (!vesselMap.fitted && found.findings.length > 0) {
    map.fitBounds(findings.getBounds().pad(0.2), { maxZoom: 8 });
    vesselMap.fitted = true;
  }
  fillTable('findings-table', found.findings.slice(0, FINDING_ROWS), (f, tr) => {
    tr.dataset.finding = f.findingId;
    const style = FINDINGS[f.kind] || FINDINGS.OTHER;
    const vessel = f.otherMmsi ? `${vesselLabel(f.mmsi, f.name)} · MMSI ${f.otherMmsi}`
      : vesselLabel(f.mmsi, f.name);
    const end = when(f.end) || (f.kind === 'DARK_PERIOD' ? 'still dark' : '–');
    tr.append(cell(when(f.start)), cell(end), cell(style.one), cell(vessel), cell(f.place || '–'),
      cell(f.detail));
    tr.addEventListener('click', () => {
      const layer = vesselMap.byFinding.get(f.findingId);
      map.fitBounds(layer.getBounds().pad(0.5), { maxZoom: 9 });
      layer.openPopup();
    });
  }, 'No AIS finding yet.');
  const findingsCount = `${number(found.total)} ${found.total === 1 ? 'finding' : 'findings'}`;
  document.getElementById('findings-count').textContent = found.total > FINDING_ROWS
    ? `${findingsCount}, the latest ${FINDING_ROWS} listed` : findingsCount;
}

async function loadVessels() {
  try {
    vesselMap.ready = vesselMap.ready || createMap();
    await vesselMap.ready;
    drawFindings(await getJson('api/ais/findings'));
    clearError('vessels');
  } catch (e) {
    if (!vesselMap.map) vesselMap.ready = null;
    showError('vessels', e);
  }
}

function showOverview(overview) {
  for (const [figure, value] of Object.entries(overview)) {
    const dd = document.querySelector(`[data-figure="${figure}"]`);
    if (dd) dd.textContent = number(value);
  }
}

async function loadOverview() {
  try {
    showOverview(await getJson('api/overview'));
  } catch (e) {
    document.getElementById('live').textContent = `not available now: ${e.message}`;
  }
}

const loaders = {
  caps: [loadCaps, loadReportedObserved, loadCases],
  gaps: [loadReportingGaps, loadCases],
  activity: [loadActivity],
  alerts: [loadAlerts],
  cases: [loadCases, loadVessels],
  vessels: [loadVessels],
  components: [loadComponents],
};

function listen() {
  const live = document.getElementById('live');
  const updates = new EventSource('api/updates');
  updates.addEventListener('open', () => {
    live.dataset.state = 'live';
    live.textContent = 'live';
  });
  updates.addEventListener('update', (event) => {
    const update = JSON.parse(event.data);
    if (update.overview && update.overview.error === undefined) showOverview(update.overview);
    for (const view of update.changed) (loaders[view] || []).forEach((load) => load());
    live.dataset.state = 'live';
    live.textContent = `live, updated ${new Date().toLocaleTimeString('en-GB')}`;
  });
  updates.addEventListener('error', () => {
    live.dataset.state = 'down';
    live.textContent = 'reconnecting…';
  });
}

async function start() {
  await Promise.all([loadOverview(), loadCaps(), loadReportedObserved(), loadReportingGaps(),
    loadActivity(), loadComponents(), loadCases(), loadAlerts(), loadInstances(), loadVessels()]);
  document.body.dataset.loaded = 'true';
  listen();
}

start();
