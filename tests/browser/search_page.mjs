// The search page in a real browser (Debian's chromium, driven by
// playwright-core): search, tick two facet values and see the counts and
// the URL change, go back, open a country page, export CSV, use the
// keyboard. Screenshots at 1280 and 400 px go to SHOTS for review.
//
//   node search_page.mjs BASE_URL SHOTS
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const [base, shots] = process.argv.slice(2);
fs.mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
let failed = false;
const step = async (name, run) => {
  try {
    await run();
    console.log(`ok - ${name}`);
  } catch (e) {
    failed = true;
    console.log(`not ok - ${name}\n${e.stack}`);
  }
};

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  // Nothing may be fetched from anywhere but the server.
  const elsewhere = [];
  page.on("request", (r) => { if (!r.url().startsWith(base)) elsewhere.push(r.url()); });

  await step("search from the box", async () => {
    await page.goto(base + "/");
    await page.fill("#q", "workshop");
    await Promise.all([page.waitForURL(/q=workshop/), page.press("#q", "Enter")]);
    const hits = await page.locator(".hits .hit").count();
    assert.ok(hits > 0, "no results");
    assert.match(await page.locator(".total").innerText(), /of \d+/);
    assert.ok(await page.locator(".snippet mark").count() > 0, "no marked words");
    await page.screenshot({ path: path.join(shots, "search-1280.png"), fullPage: true });
  });

  let countsBefore;
  await step("tick two country values: counts and URL change", async () => {
    countsBefore = await page.locator(".total").innerText();
    const boxes = page.locator("#list-country input[type=checkbox]");
    assert.ok(await boxes.count() >= 2, "fewer than two countries");
    const first = await boxes.nth(0).getAttribute("value");
    await Promise.all([page.waitForURL(new RegExp(`country=${first}`)), boxes.nth(0).check()]);
    const afterOne = await page.locator(".total").innerText();
    const second = await page.locator("#list-country input[type=checkbox]:not(:checked)").first().getAttribute("value");
    await Promise.all([page.waitForURL(new RegExp(`country=${second}`)),
                       page.locator(`#country-${second}`).check()]);
    const url = new URL(page.url());
    assert.deepEqual(url.searchParams.getAll("country").sort(), [first, second].sort());
    assert.equal(await page.locator(".chip").count(), 2);
    const afterTwo = await page.locator(".total").innerText();
    assert.notEqual(afterOne, countsBefore, "one country did not change the count");
    // Either country: at least as many as with the first alone.
    const n = (t) => Number((t.match(/of (\d+)/) || [0, 0])[1]);
    assert.ok(n(afterTwo) >= n(afterOne), `${afterTwo} < ${afterOne}`);
    await page.screenshot({ path: path.join(shots, "facets-1280.png"), fullPage: true });
  });

  await step("back goes to the previous view", async () => {
    await page.goBack();
    assert.equal(new URL(page.url()).searchParams.getAll("country").length, 1);
    assert.equal(await page.locator(".chip").count(), 1);
    await page.goBack();
    assert.equal(await page.locator(".total").innerText(), countsBefore);
  });

  await step("tick an organization: a chip, and the URL holds it", async () => {
    // Loaded afresh: a page come back to may keep its boxes as they were.
    await page.goto(base + "/search?q=workshop");
    const boxes = page.locator("#list-org input[type=checkbox]");
    assert.ok(await boxes.count() >= 1, "no organization listed");
    const org = await boxes.nth(0).getAttribute("value");
    await Promise.all([page.waitForURL(/[?&]org=/), boxes.nth(0).check()]);
    assert.deepEqual(new URL(page.url()).searchParams.getAll("org"), [org]);
    assert.equal(await page.locator(".chip").count(), 1);
    await page.goBack();
    assert.equal(await page.locator(".total").innerText(), countsBefore);
  });

  await step("export CSV of the view", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"),
                                          page.click(".exports a:text('CSV')")]);
    assert.match(download.suggestedFilename(), /\.csv$/);
    const file = path.join(shots, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "no byte order mark");
  });

  await step("keyboard: / focuses the box, j moves, Enter opens", async () => {
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement.id), "q");
    await page.keyboard.press("Escape");
    await page.evaluate(() => document.activeElement.blur());
    await page.keyboard.press("j");
    assert.equal(await page.locator(".hit.selected").count(), 1);
    const href = await page.locator(".hit.selected h2 a").getAttribute("href");
    await Promise.all([page.waitForURL((u) => u.pathname === href), page.keyboard.press("Enter")]);
    assert.ok(await page.locator("pre.text").count() === 1, "not a document page");
  });

  await step("a country page", async () => {
    await page.goto(base + "/search?q=workshop");
    const link = page.locator(".facet input[name=country]").first();
    const code = await link.getAttribute("value");
    await page.goto(`${base}/country/${code}`);
    assert.match(await page.locator("h1").innerText(), new RegExp(`\\(${code}\\)`));
    assert.ok(await page.locator(".hits .hit").count() > 0, "no events");
  });

  await step("readable at 400 px", async () => {
    await page.setViewportSize({ width: 400, height: 800 });
    await page.goto(base + "/search?q=workshop");
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 400, `the page is ${wide} px wide`);
    await page.screenshot({ path: path.join(shots, "search-400.png"), fullPage: true });
  });

  await step("no script errors, nothing fetched elsewhere", async () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(elsewhere, []);
  });
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
