// Drives the web app in a real browser (Debian's Chromium through playwright-core) as a person would, three times: on
// a desktop screen, on a 375 px wide phone and in dark mode. Each run signs up a new person and goes through the whole
// journey: quick add, totals and chart, filter, edit, delete and undo, categories, CSV import with a bad line, export,
// default currency, password change, log out and in, alerts and suggested categories, account deletion. axe-core
// checks every page (serious or critical violations fail) and a screenshot of every page is kept. Prints one line per
// check; exits non-zero on the first failure.
//
// Environment: WEB_URL, ADMIN_EMAIL, ADMIN_PASSWORD, SCREENSHOTS (a directory), CHROMIUM (default /usr/bin/chromium).
import { chromium } from "playwright-core";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";

const env = process.env;
const base = env.WEB_URL.replace(/\/$/, "");
const screenshots = env.SCREENSHOTS || "target/screenshots";
mkdirSync(screenshots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

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

/** axe-core on the page as it is now: no serious or critical violation; and on a phone, nothing wider than the screen. */
let auditing = false;

async function audit(page, run, name) {
  // axe-core, injected by the test, may itself trip the page's Content-Security-Policy: its messages are not the app's
  auditing = true;
  await page.evaluate(axeSource);
  const result = await page.evaluate(() =>
    axe.run(document, { resultTypes: ["violations"], runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] }),
  );
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const described = bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  check(bad.length === 0, `${run.label}: axe finds no serious or critical violation on ${name} ${described.join("; ")}`);
  if (run.phone) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `${run.label}: ${name} fits the phone's width (overflow ${overflow}px)`);
    const outside = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, textarea, button")]
        .filter((field) => {
          const card = field.closest(".card");
          if (!card || field.offsetParent === null) return false;
          return field.getBoundingClientRect().right > card.getBoundingClientRect().right + 0.5;
        })
        .map((field) => field.id || field.name || field.textContent.trim()),
    );
    check(outside.length === 0, `${run.label}: every field of ${name} stays inside its card (${outside.join(", ")})`);
  }
  await page.screenshot({ path: `${screenshots}/${run.label}-${name}.png`, fullPage: true });
  await page.waitForTimeout(50);
  auditing = false;
}

async function quickAdd(page, amount, description, category) {
  await page.getByLabel("Amount", { exact: true }).fill(amount);
  await page.getByLabel("Description", { exact: true }).fill(description);
  await page.getByLabel("Category", { exact: true }).fill(category);
  await page.getByLabel("Category", { exact: true }).press("Enter");
  await page.locator("#latest-list .expense", { hasText: description }).first().waitFor();
}

async function journey(run) {
  const context = await browser.newContext({
    viewport: run.phone ? { width: 375, height: 812 } : { width: 1280, height: 900 },
    isMobile: !!run.phone,
    hasTouch: !!run.phone,
    colorScheme: run.dark ? "dark" : "light",
    locale: "en-US",
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // failed loads are the 4xx the checks provoke on purpose; anything else (a CSP refusal, a script error) is a fault
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      errors.push((auditing ? "[during axe] " : "") + new URL(page.url()).pathname + ": " + message.text().slice(0, 60));
    }
  });
  const email = `${run.label}-${Date.now()}@example.com`;
  const password = "correct horse battery";
  const newPassword = "another horse battery";

  // sign up
  await page.goto(`${base}/`);
  check(page.url().includes("/login"), `${run.label}: a visitor is sent to the login page`);
  await audit(page, run, "login");
  await page.getByRole("link", { name: "Create an account" }).click();
  await audit(page, run, "signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Name").fill("Alex Example");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByRole("heading", { name: "Quick add" }).waitFor();
  check(new URL(page.url()).pathname === "/", `${run.label}: signing up lands on the home page`);

  // page weight of the first load of Home in this (cache-less) context, once every script and style has arrived
  await page.waitForLoadState("load");
  await page.waitForFunction(() => typeof Chart !== "undefined" && typeof htmx !== "undefined");
  const transferred = await page.evaluate(() =>
    [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")].reduce(
      (sum, entry) => sum + (entry.transferSize || 0),
      0,
    ),
  );
  check(transferred > 0 && transferred <= 250_000, `${run.label}: the first load of Home transfers ${transferred} bytes (at most 250 kB)`);

  // quick add: three expenses, Enter saves, the row appears without a page load, a double submit saves once
  const navigations = [];
  page.on("framenavigated", (frame) => frame === page.mainFrame() && navigations.push(frame.url()));
  await quickAdd(page, "12.50", "Lunch", "Food");
  await quickAdd(page, "30", "Taxi", "Transport");
  await page.getByLabel("Amount", { exact: true }).fill("7.25");
  await page.getByLabel("Description", { exact: true }).fill("Coffee");
  await page.getByLabel("Category", { exact: true }).fill("Food");
  await page.getByRole("button", { name: "Add" }).dblclick();
  await page.locator("#latest-list .expense", { hasText: "Coffee" }).first().waitFor();
  check(navigations.length === 0, `${run.label}: quick add saves without a page load`);
  // the double submit's second answer may swap the form in again after the row shows: wait for the focus to settle
  const focused = await page
    .waitForFunction(() => document.activeElement && document.activeElement.id === "qa-amount", null, { timeout: 5000 })
    .then(() => true, () => false);
  check(focused, `${run.label}: after saving, the keyboard is back in the amount field`);
  await page.waitForFunction(() => document.querySelector("[data-testid=month-total]")?.textContent.includes("49.75"));
  check(true, `${run.label}: this month's total shows $49.75`);
  await page.waitForFunction(() => typeof Chart !== "undefined" && Chart.getChart("category-chart"));
  const charted = await page.evaluate(() => Chart.getChart("category-chart").data.datasets[0].data.reduce((a, b) => a + b, 0));
  check(Math.abs(charted - 49.75) < 0.001, `${run.label}: the category chart plots the three expenses (${charted})`);
  await audit(page, run, "home");

  // expenses: three (the double submit created one), filter, edit in place, delete and undo
  await page.getByRole("link", { name: "Expenses", exact: true }).first().click();
  await page.locator("#expense-count").waitFor();
  check((await page.textContent("#expense-count")).includes("3 expenses"), `${run.label}: the list holds 3 expenses (a double submit created one)`);
  await audit(page, run, "expenses");
  if ((await page.locator("details.filters").getAttribute("open")) === null) {
    await page.getByText("Filter and sort").click();
  }
  await page.getByLabel("Text in the description").fill("Taxi");
  await page.getByRole("button", { name: "Apply" }).click();
  await page.waitForFunction(() => document.querySelector("#expense-count")?.textContent.includes("1 expense"));
  check((await page.locator("#expense-list .expense").count()) === 1, `${run.label}: filtering by text leaves the taxi`);
  check(page.url().includes("q=Taxi"), `${run.label}: the filter is in the address, so it can be bookmarked`);
  await page.getByRole("link", { name: "Clear filters" }).click();
  await page.locator("#expense-count", { hasText: "3 expenses" }).waitFor();

  await page.getByRole("button", { name: "Edit Lunch" }).click();
  const amountField = page.locator("li.editing").getByLabel("Amount");
  await amountField.fill("15.00");
  await amountField.press("Enter");
  await page.locator("#expense-list .expense", { hasText: "Lunch" }).filter({ hasText: "$15.00" }).waitFor();
  check(true, `${run.label}: editing in place changes the amount to $15.00`);

  await page.getByRole("button", { name: "Delete Coffee" }).click();
  await page.locator("li.deleted", { hasText: "Deleted Coffee" }).waitFor();
  await audit(page, run, "expenses-deleted");
  await page.getByRole("button", { name: "Undo" }).click();
  await page.locator("#expense-list .expense:not(.deleted)", { hasText: "Coffee" }).waitFor();
  await page.reload();
  check((await page.textContent("#expense-count")).includes("3 expenses"), `${run.label}: undo restores the deleted expense`);

  // categories: each says how many expenses it has; a new one is added, then deleted again
  await page.getByRole("link", { name: "Categories", exact: true }).click();
  const named = (name) => page.locator(".categories-list li", { has: page.locator("strong", { hasText: new RegExp(`^${name}$`) }) });
  check((await named("Food").textContent()).includes("2 expenses"), `${run.label}: Food counts its 2 expenses`);
  await page.locator("#new-category").fill("Pets");
  await page.getByRole("button", { name: "Add category" }).click();
  await named("Pets").waitFor();
  check((await named("Pets").textContent()).includes("0 expenses"), `${run.label}: a new category has 0 expenses`);
  await audit(page, run, "categories");
  await page.getByRole("button", { name: "Delete Pets" }).click();
  await named("Pets").waitFor({ state: "detached" });
  check((await named("Pets").count()) === 0, `${run.label}: the deleted category is gone from the list`);

  // import a CSV file with one bad line: the dry run tells, the confirmation imports
  await page.getByRole("link", { name: "Import" }).click();
  await audit(page, run, "import");
  const csv = join(tmpdir(), `import-${run.label}.csv`);
  writeFileSync(
    csv,
    "date,amount,currency,category,description,tags\n" +
      "2026-11-02,4.20,USD,Food,Bakery,\n" +
      "2026-11-03,60.00,USD,Utilities,Electricity,home\n" +
      "2026-11-04,not-a-number,USD,Food,Broken line,\n",
  );
  await page.getByLabel("CSV file").setInputFiles(csv);
  await page.getByRole("button", { name: "Check the file" }).click();
  await page.locator("#import-count").waitFor();
  check((await page.textContent("#import-count")).trim() === "2", `${run.label}: the dry run counts 2 rows to import`);
  check((await page.textContent("#error-count")).trim() === "1", `${run.label}: the dry run reports 1 bad line`);
  check((await page.textContent("#import-errors")).includes("4"), `${run.label}: the bad line is named by its number`);
  await audit(page, run, "import-preview");
  await page.getByRole("button", { name: "Import 2 expenses" }).click();
  await page.getByRole("heading", { name: /Imported/ }).waitFor();
  check((await page.textContent("#import-count")).trim() === "2", `${run.label}: the import stores 2 expenses`);

  // export the current selection
  await page.goto(`${base}/expenses`);
  await page.locator("#expense-count", { hasText: "5 expenses" }).waitFor();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Export these as CSV" }).click(),
  ]);
  const exported = readFileSync(await download.path(), "utf8").trim().split(/\r?\n/);
  check(exported.length === 6 && exported[0].startsWith("date,amount"), `${run.label}: the export holds a header and 5 expenses`);

  // settings: default currency, then password
  await page.getByRole("link", { name: "Settings" }).click();
  await audit(page, run, "settings");
  await page.getByLabel("Default currency").selectOption("EUR");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await page.getByText("Your settings are saved.").waitFor();
  await page.getByRole("link", { name: "Home" }).click();
  check((await page.getByLabel("Currency", { exact: true }).inputValue()) === "EUR", `${run.label}: quick add now defaults to EUR`);
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByText("The current password is wrong.").waitFor();
  check(true, `${run.label}: a wrong current password is said next to its field`);
  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password again").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await page.getByText("Your password has been changed.").waitFor();
  check(true, `${run.label}: the password is changed`);

  // log out, a wrong password, log in again
  await page.getByRole("button", { name: "Log out" }).click();
  await page.getByText("You are logged out.").waitFor();
  check(true, `${run.label}: logging out says so`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByText("Wrong email or password.").waitFor();
  check(true, `${run.label}: the old password is refused with a plain sentence`);
  await audit(page, run, "login-refused");
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Quick add" }).waitFor();
  check(true, `${run.label}: the new password logs in`);

  // insights: two equal charges at one bakery make an alert on the home page, and quick add learns the bakery's category
  await quickAdd(page, "4.80", "Corner Bakery", "Food");
  await quickAdd(page, "4.80", "Corner Bakery", "Food");
  let alerted = false;
  for (let attempt = 0; attempt < 20 && !alerted; attempt++) {
    await page.goto(`${base}/`);
    alerted = (await page.locator("#alert-list li", { hasText: "Corner Bakery" }).count()) === 1;
    if (!alerted) await page.waitForTimeout(1000);
  }
  check(alerted, `${run.label}: the home page shows a possible duplicate at the bakery`);
  await audit(page, run, "home-alert");
  await page.locator("#alert-list li", { hasText: "Corner Bakery" }).getByRole("button", { name: /^Dismiss/ }).click();
  await page.getByText("Alert dismissed.").waitFor();
  check((await page.locator("#alert-list li").count()) === 0, `${run.label}: a dismissed alert goes away`);
  await page.getByLabel("Description", { exact: true }).fill("Corner Bakery");
  await page.waitForFunction(() => document.querySelector("#qa-category")?.value === "Food", null, { timeout: 10000 });
  check((await page.textContent("#qa-category-hint")).startsWith("Suggested: Food"), `${run.label}: quick add fills in the category learned for the bakery`);
  await page.getByLabel("Category", { exact: true }).fill("Treats");
  await page.getByLabel("Description", { exact: true }).fill("Corner Bakery cake");
  await page.waitForTimeout(1000);
  check((await page.getByLabel("Category", { exact: true }).inputValue()) === "Treats", `${run.label}: a category the person typed is never replaced by a suggestion`);

  // delete the account: nothing of the person remains
  await page.getByRole("link", { name: "Settings" }).click();
  await page.getByLabel("Your password, to confirm").fill(newPassword);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await page.getByText("Your account has been deleted").waitFor();
  check(true, `${run.label}: deleting the account logs out and says so`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(newPassword);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByText("Wrong email or password.").waitFor();
  check(true, `${run.label}: the deleted account can no longer log in`);

  const appErrors = errors.filter((error) => !error.startsWith("[during axe] "));
  check(appErrors.length === 0, `${run.label}: no script error and no Content-Security-Policy refusal (${appErrors.join("; ")})`);
  await context.close();
}

async function administrator(run) {
  const context = await browser.newContext({
    viewport: run.phone ? { width: 375, height: 812 } : { width: 1280, height: 900 },
    colorScheme: run.dark ? "dark" : "light",
    locale: "en-US",
  });
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel("Email").fill(env.ADMIN_EMAIL);
  await page.getByLabel("Password").fill(env.ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("heading", { name: "Quick add" }).waitFor();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await page.getByRole("heading", { name: "Accounts" }).waitFor();
  check((await page.getByRole("link", { name: "Open the usage dashboard" }).count()) === 1, `${run.label}: administrators find the usage dashboard`);
  await page.getByLabel("Email or name contains").fill(env.ADMIN_EMAIL);
  await page.getByRole("button", { name: "Search" }).click();
  check((await page.locator("#user-list li").count()) === 1, `${run.label}: the user search finds the administrator`);
  await audit(page, run, "admin-users");
  await context.close();
}

try {
  const runs = [
    { label: "desktop" },
    { label: "phone", phone: true },
    { label: "dark", dark: true },
  ];
  for (const run of runs) {
    await journey(run);
  }
  await administrator(runs[0]);
  await administrator(runs[2]);
} catch (error) {
  console.error(error.message);
  await browser.close();
  process.exit(1);
}
await browser.close();
