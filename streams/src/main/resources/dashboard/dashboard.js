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
};
const UNITS = { BARREL: 'bbl', CONTAINERS: 'containers', PERSONNEL: 'personnel', WORKERS: 'workers',
  ROUNDS: 'rounds', UNITS: 'units' };
const charts = {};

const number = (v) => (v === null || v === undefined ? '–'
  : Number(v).toLocaleString('en-US', { maximumFractionDigits: 0 }));
const percent = (v) => (v === null || v === undefined ? '–'
  : (v * 100).toLocaleString('en-US', { maximumFractionDigits: 1 }) + ' %');
const year = (day) => (day || '').substring(0, 4);
const kindLabel = (kind) => (KINDS[kind] ? KINDS[kind].label : kind);
const amounts = (quantities) => Object.entries(quantities || {})
  .map(([unit, amount]) => `${number(amount)} ${UNITS[unit] || unit}`).join(', ');

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
  for (const row of rows) {
    const tr = document.createElement('tr');
    toCells(row, tr);
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
  return `${cap.ruleId} ${year(cap.periodStart)} ${cap.basis}`;
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
      cell(`${number(c.total)} ${c.unit}`, 'number'), cell(number(c.limit), 'number'),
      cell(percent(c.ratio), 'number'));
    const levels = document.createElement('td');
    for (const level of c.levels) {
      const tag = levelTag(level.label, level.reached);
      tag.title = `${percent(level.threshold)} of the limit, ${number(level.amount)} ${c.unit}`;
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
  } catch (e) {
    showError('caps', e);
  }
}

function drawReportedObserved(rows) {
  const data = {
    labels: rows.map((r) => `${r.ruleId} ${year(r.periodStart)}`),
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

async function loadAlerts() {
  try {
    const alerts = await getJson('api/alerts?limit=50');
    clearError('alerts');
    fillTable('alerts-table', alerts.latest, (a, tr) => {
      tr.dataset.alert = a.alertId;
      tr.append(cell(a.eventTime.replace('T', ' ').substring(0, 16)),
        cell(a.severity, `severity-${a.severity}`), cell(a.ruleId), cell(a.level || '–'),
        cell(a.message));
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

async function loadCases() {
  try {
    const cases = await getJson('api/cases');
    clearError('cases');
    fillTable('cases-table', cases, (c, tr) => {
      tr.dataset.case = c.caseId;
      tr.append(cell(c.severity, `severity-${c.severity}`), cell(c.title), cell(c.status),
        cell(number(c.alertCount), 'number'),
        cell(c.totals.map((t) => `${number(t.amount)} ${t.unit}`).join(', ') || '–'));
      const evidence = document.createElement('td');
      evidence.className = 'evidence';
      evidence.append(list(c.evidence, 3), list(c.sources, 3));
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
  caps: [loadCaps, loadReportedObserved],
  gaps: [loadReportingGaps],
  activity: [loadActivity],
  alerts: [loadAlerts],
  cases: [loadCases, loadVessels],
  vessels: [loadVessels],
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
    loadActivity(), loadCases(), loadAlerts(), loadInstances(), loadVessels()]);
  document.body.dataset.loaded = 'true';
  listen();
}

start();
