// Drives the analytics dashboard in a real browser (Debian's Chromium through playwright-core), as an operator
// would: a wrong password, a non-admin account, an administrator who sees the table and the charts, sorting, a phone
// screen, and an expired session. Prints one line per check; exits non-zero on the first failure.
//
// Environment: DASHBOARD_URL, ADMIN_EMAIL, ADMIN_PASSWORD, USER_EMAIL, USER_PASSWORD, EXPECT_ROUTE (a route the
// table must list), SCREENSHOTS (a directory), CHROMIUM (default /usr/bin/chromium).
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const env = process.env;
const screenshots = env.SCREENSHOTS || "target/screenshots";
mkdirSync(screenshots, { recursive: true });

const browser = await chromium.launch({
  executablePath: env.CHROMIUM || "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
});

function check(condition, description) {
  if (!condition) {
    throw new Error(`FAILED: ${description}`);
  }
  console.log(`ok - ${description}`);
}

async function logIn(page, email, password) {
  await page.fill("#email", email);
  await page.fill("#password", password);
  await page.click("#login-button");
}

async function messageOf(page) {
  await page.waitForSelector("#login-message:not([hidden])", { timeout: 15000 });
  return page.textContent("#login-message");
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  // the 401s and 403s the checks provoke are logged by the browser as failed loads; those are expected
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push(message.text());
    }
  });

  await page.goto(env.DASHBOARD_URL);
  check(await page.isVisible("#login-form"), "the dashboard asks for a login");

  await logIn(page, env.ADMIN_EMAIL, "not the password");
  check((await messageOf(page)).includes("Wrong email or password"), "a wrong password is explained");

  await logIn(page, env.USER_EMAIL, env.USER_PASSWORD);
  await page.waitForFunction(() => document.querySelector("#login-message")?.textContent.includes("not an administrator"));
  check(await page.isVisible("#login-form"), "a non-admin account is told it is not an administrator");
  await page.screenshot({ path: `${screenshots}/not-admin.png` });

  await logIn(page, env.ADMIN_EMAIL, env.ADMIN_PASSWORD);
  await page.waitForSelector("#board:not([hidden])");
  await page.waitForSelector(`#endpoints tbody tr[data-id*="${env.EXPECT_ROUTE}"]`, { timeout: 20000 });
  const rows = await page.$$eval("#endpoints tbody tr", (trs) => trs.length);
  check(rows > 1, `the administrator sees the endpoints table (${rows} rows)`);
  const requests = Number((await page.textContent("#total-requests")).replace(/[^0-9]/g, ""));
  check(requests > 0, `the totals count requests (${requests})`);
  const charted = await page.evaluate(() => {
    const sum = (id, i) => Chart.getChart(id).data.datasets[i].data.reduce((a, b) => a + b, 0);
    return { requests: sum("requests-chart", 0), p95: sum("latency-chart", 1) };
  });
  check(charted.requests > 0, `the requests chart plots requests (${charted.requests})`);
  check(charted.p95 > 0, "the latency chart plots percentiles");
  await page.screenshot({ path: `${screenshots}/dashboard.png`, fullPage: true });

  await page.click('#endpoints th[data-key="route"]');
  const routes = await page.$$eval("#endpoints tbody td.route", (tds) => tds.map((td) => td.textContent));
  check(JSON.stringify(routes) === JSON.stringify([...routes].sort((a, b) => a.localeCompare(b))), "the table sorts by a clicked column");

  await page.click(`#endpoints tbody tr[data-id*="${env.EXPECT_ROUTE}"]`);
  await page.waitForFunction(() => !document.querySelector("#show-all").hidden);
  check((await page.textContent("#selection")).includes(env.EXPECT_ROUTE), "clicking a row charts that endpoint");

  await page.setViewportSize({ width: 390, height: 844 });
  // the charts resize on the browser's next resize-observer round, so give the layout a moment to settle
  await page
    .waitForFunction(() => document.documentElement.scrollWidth <= window.innerWidth + 1, null, { timeout: 5000 })
    .catch(() => {});
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, "the page fits a phone screen (the table scrolls inside its card)");
  await page.screenshot({ path: `${screenshots}/phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  await page.evaluate(() => {
    const key = "finance-tracker.dashboard.session";
    const session = JSON.parse(sessionStorage.getItem(key));
    sessionStorage.setItem(key, JSON.stringify({ ...session, access: "expired", refresh: "revoked" }));
  });
  await page.reload();
  await page.waitForFunction(() => document.querySelector("#login-message")?.textContent.includes("session has expired"));
  check(await page.isVisible("#login-form"), "an expired session asks to log in again");

  check(errors.length === 0, `no script errors (${errors.join("; ")})`);
  await context.close();
} catch (error) {
  console.error(error.message);
  await browser.close();
  process.exit(1);
}
await browser.close();
