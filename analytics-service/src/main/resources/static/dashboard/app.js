// The admin dashboard: logs an administrator in (through this service, which passes the login on to the user
// service), then shows the usage statistics of every endpoint from this service's API, refreshing on its own. It
// talks only to the origin it was loaded from, so it works whatever host name it is opened with.

const SESSION_KEY = "finance-tracker.dashboard.session";
const REFRESH_MS = 15000;

const $ = (id) => document.getElementById(id);

class SessionExpired extends Error {}
class NotAdmin extends Error {}

const state = {
  sort: { key: "count", descending: true },
  endpoints: [],
  selected: null,
  timer: null,
  charts: {},
};

function session() {
  try {
    return JSON.parse(sessionStorage.getItem(SESSION_KEY));
  } catch {
    return null;
  }
}

function saveSession(value) {
  if (value) {
    sessionStorage.setItem(SESSION_KEY, JSON.stringify(value));
  } else {
    sessionStorage.removeItem(SESSION_KEY);
  }
}

function show(element, text) {
  element.textContent = text;
  element.hidden = !text;
}

// ---- talking to the services ---------------------------------------------------------------------------------

async function logIn(email, password) {
  let response;
  try {
    response = await fetch("/dashboard/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
  } catch {
    throw new Error("Cannot reach the analytics service.");
  }
  if (response.ok) {
    const tokens = await response.json();
    return { access: tokens.access_token, refresh: tokens.refresh_token, email };
  }
  if (response.status === 401) {
    throw new Error("Wrong email or password.");
  }
  if (response.status === 429) {
    const wait = response.headers.get("Retry-After");
    throw new Error(`Too many failed attempts. Try again in ${wait || "a few"} seconds.`);
  }
  if (response.status === 403) {
    throw new Error("This account has been disabled.");
  }
  if (response.status === 400) {
    throw new Error("Enter a valid email address and password.");
  }
  if (response.status === 503) {
    throw new Error("The user service cannot be reached right now. Try again in a moment.");
  }
  throw new Error(`Login failed (HTTP ${response.status}). Try again later.`);
}

async function refreshTokens(current) {
  if (!current?.refresh) {
    return null;
  }
  try {
    const response = await fetch("/dashboard/token/refresh", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refresh_token: current.refresh }),
    });
    if (!response.ok) {
      return null;
    }
    const tokens = await response.json();
    return { ...current, access: tokens.access_token, refresh: tokens.refresh_token };
  } catch {
    return null;
  }
}

/** GETs a path of this service as the logged-in administrator, renewing an expired access token once. */
async function api(path) {
  let current = session();
  if (!current) {
    throw new SessionExpired();
  }
  let response = await fetch(path, { headers: { Authorization: `Bearer ${current.access}` } });
  if (response.status === 401) {
    current = await refreshTokens(current);
    if (!current) {
      throw new SessionExpired();
    }
    saveSession(current);
    response = await fetch(path, { headers: { Authorization: `Bearer ${current.access}` } });
  }
  if (response.status === 401) {
    throw new SessionExpired();
  }
  if (response.status === 403) {
    throw new NotAdmin();
  }
  if (!response.ok) {
    throw new Error(`The analytics service answered HTTP ${response.status}.`);
  }
  return response.json();
}

// ---- rendering -----------------------------------------------------------------------------------------------

function windowRange() {
  const to = new Date();
  const hours = { PT1H: 1, PT24H: 24, P7D: 24 * 7, P30D: 24 * 30 }[$("window").value] ?? 24;
  const from = new Date(to.getTime() - hours * 3600 * 1000);
  return { from: from.toISOString(), to: to.toISOString(), hours };
}

const number = new Intl.NumberFormat();
const percent = new Intl.NumberFormat(undefined, { style: "percent", maximumFractionDigits: 1 });

function flatten(endpoint) {
  const errors = endpoint.status["5xx"];
  return {
    ...endpoint,
    s2xx: endpoint.status["2xx"],
    s4xx: endpoint.status["4xx"],
    s5xx: errors,
    errorRate: endpoint.count ? errors / endpoint.count : 0,
    p50: endpoint.latencyMs.p50,
    p95: endpoint.latencyMs.p95,
    p99: endpoint.latencyMs.p99,
    max: endpoint.latencyMs.max,
  };
}

function renderTotals(totals) {
  $("total-requests").textContent = number.format(totals.requests);
  $("total-errors").textContent = number.format(totals.errors);
  $("error-rate").textContent = totals.requests ? percent.format(totals.errors / totals.requests) : "–";
  $("total-services").textContent = number.format(totals.services);
}

function renderTable() {
  const { key, descending } = state.sort;
  const rows = [...state.endpoints].sort((a, b) => {
    const order = typeof a[key] === "string" ? a[key].localeCompare(b[key]) : a[key] - b[key];
    return descending ? -order : order;
  });
  document.querySelectorAll("#endpoints th").forEach((th) => {
    th.setAttribute("aria-sort", th.dataset.key === key ? (descending ? "descending" : "ascending") : "none");
  });
  const body = document.querySelector("#endpoints tbody");
  body.replaceChildren(
    ...rows.map((endpoint) => {
      const tr = document.createElement("tr");
      const id = `${endpoint.service} ${endpoint.method} ${endpoint.route}`;
      tr.dataset.id = id;
      tr.classList.toggle("selected", state.selected?.id === id);
      const cells = [
        [endpoint.service],
        [endpoint.method],
        [endpoint.route, "route"],
        [number.format(endpoint.count), "num"],
        [number.format(endpoint.s2xx), "num"],
        [number.format(endpoint.s4xx), "num"],
        [number.format(endpoint.s5xx), endpoint.s5xx ? "num bad" : "num"],
        [percent.format(endpoint.errorRate), endpoint.errorRate ? "num bad" : "num"],
        [endpoint.p50.toFixed(1), "num"],
        [endpoint.p95.toFixed(1), "num"],
        [endpoint.p99.toFixed(1), "num"],
        [endpoint.max.toFixed(1), "num"],
      ];
      for (const [text, className] of cells) {
        const td = document.createElement("td");
        td.textContent = text;
        if (className) {
          td.className = className;
        }
        tr.append(td);
      }
      tr.addEventListener("click", () => select({ id, ...endpoint }));
      return tr;
    }),
  );
  $("empty").hidden = rows.length > 0;
}

function chart(id, datasets, labels) {
  const existing = state.charts[id];
  if (existing) {
    existing.data.labels = labels;
    existing.data.datasets.forEach((dataset, i) => (dataset.data = datasets[i].data));
    existing.update("none");
    return;
  }
  state.charts[id] = new Chart($(id), {
    type: "line",
    data: { labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: "index", intersect: false },
      elements: { point: { radius: 0 } },
      scales: { x: { ticks: { maxTicksLimit: 8, autoSkip: true } }, y: { beginAtZero: true } },
    },
  });
}

function renderCharts(points, hours) {
  const label = (time) => {
    const date = new Date(time);
    return hours > 48
      ? date.toLocaleDateString(undefined, { month: "short", day: "numeric" })
      : date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  };
  const labels = points.map((p) => label(p.time));
  chart("requests-chart", [
    { label: "Requests", data: points.map((p) => p.count), borderColor: "#2f6fed", backgroundColor: "#2f6fed33", fill: true },
    { label: "Server errors", data: points.map((p) => p.errors), borderColor: "#c9352b", backgroundColor: "#c9352b33", fill: true },
  ], labels);
  chart("latency-chart", [
    { label: "p50", data: points.map((p) => p.p50), borderColor: "#1f8a4c" },
    { label: "p95", data: points.map((p) => p.p95), borderColor: "#d68a00" },
    { label: "p99", data: points.map((p) => p.p99), borderColor: "#c9352b" },
  ], labels);
}

async function refresh() {
  const { from, to, hours } = windowRange();
  const range = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
  const selected = state.selected;
  const filter = selected
    ? `&service=${encodeURIComponent(selected.service)}&method=${encodeURIComponent(selected.method)}` +
      `&route=${encodeURIComponent(selected.route)}`
    : "";
  try {
    const [statistics, points] = await Promise.all([
      api(`/analytics?${range}`),
      api(`/analytics/timeseries?${range}${filter}`),
    ]);
    state.endpoints = statistics.endpoints.map(flatten);
    renderTotals(statistics.totals);
    renderTable();
    renderCharts(points, hours);
    show($("board-message"), "");
    $("updated").textContent = new Date().toLocaleTimeString();
  } catch (error) {
    if (error instanceof SessionExpired) {
      logOut("Your session has expired. Please log in again.");
    } else if (error instanceof NotAdmin) {
      logOut("This account is not an administrator. Log in with an administrator account to see the statistics.");
    } else {
      show($("board-message"), error.message || "Could not load the statistics.");
    }
  }
}

function select(endpoint) {
  state.selected = endpoint;
  $("selection").textContent = endpoint ? `${endpoint.method} ${endpoint.route} (${endpoint.service})` : "all endpoints";
  $("show-all").hidden = !endpoint;
  refresh();
}

function schedule() {
  clearInterval(state.timer);
  state.timer = null;
  if ($("auto").checked && session()) {
    state.timer = setInterval(() => {
      if (!document.hidden) {
        refresh();
      }
    }, REFRESH_MS);
  }
}

function showBoard() {
  $("login").hidden = true;
  $("board").hidden = false;
  $("controls").hidden = false;
  $("who").textContent = session()?.email ?? "";
  schedule();
  refresh();
}

function logOut(message) {
  const current = session();
  if (current?.refresh && !message) {
    fetch("/dashboard/logout", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refresh_token: current.refresh }),
    }).catch(() => {});
  }
  saveSession(null);
  clearInterval(state.timer);
  $("board").hidden = true;
  $("controls").hidden = true;
  $("login").hidden = false;
  show($("login-message"), message || "");
  $("password").value = "";
}

// ---- start ---------------------------------------------------------------------------------------------------

async function start() {
  $("login-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const email = $("email").value.trim();
    const password = $("password").value;
    if (!email || !password) {
      show($("login-message"), "Enter your email and password.");
      return;
    }
    $("login-button").disabled = true;
    show($("login-message"), "");
    try {
      saveSession(await logIn(email, password));
      showBoard();
    } catch (error) {
      show($("login-message"), error.message);
    } finally {
      $("login-button").disabled = false;
    }
  });
  $("logout").addEventListener("click", () => logOut());
  $("window").addEventListener("change", refresh);
  $("auto").addEventListener("change", schedule);
  $("show-all").addEventListener("click", () => select(null));
  document.querySelectorAll("#endpoints th").forEach((th) =>
    th.addEventListener("click", () => {
      const key = th.dataset.key;
      state.sort = { key, descending: state.sort.key === key ? !state.sort.descending : typeof state.endpoints[0]?.[key] !== "string" };
      renderTable();
    }),
  );

  if (session()) {
    showBoard();
  }
}

start();
