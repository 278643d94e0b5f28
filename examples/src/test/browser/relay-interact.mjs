// Drives the relay's demo page in two browser contexts (A and B) with playwright-core and Debian's Chromium:
// A sets a property through the form and B's table shows it, A sends B a message through the form and B's
// log shows it from A's token, A deletes the property (empty value) and B's table drops it, A's page closes
// and B's table drops A's token. Screenshots: OUT/relay-a.png (just before A closes) and OUT/relay-b.png (end).
// Usage: node relay-interact.mjs URL OUT_DIR   (relay-page-check.sh runs it against a fresh relay)
import { chromium } from "playwright-core";
import path from "node:path";

const [url, outDir] = process.argv.slice(2);
if (!url || !outDir) {
  console.error("usage: node relay-interact.mjs URL OUT_DIR");
  process.exit(2);
}
const WAIT_MS = 10_000;
const TOKEN = /^[0-9a-f]{32}$/;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

class Failure extends Error {}

// Reads the page's state: own token, table rows, target options, log lines (without their time stamps).
function snapshot() {
  const rows = [...document.querySelectorAll("#users tr")].map(tr => ({
    token: tr.cells[0].textContent.split(" ")[0],
    you: tr.cells[0].textContent.endsWith(" (you)"),
    props: tr.cells[1].textContent,
  }));
  const log = [...document.querySelectorAll("#log div")].map(d => {
    const text = d.textContent, at = text.indexOf("  ");
    return { text: at < 0 ? text : text.slice(at + 2), error: d.classList.contains("error") };
  });
  const targets = [...document.querySelectorAll("#target option")].map(o => o.value);
  return { status: document.getElementById("status").textContent, me: document.getElementById("me").textContent,
           rows, targets, log };
}

// Polls `check(snapshot, arg)` in the page until it is true; fails with the page's state after WAIT_MS.
async function until(page, name, what, check, arg) {
  try {
    await page.waitForFunction(
      ({ snap, check, arg }) => new Function("s", "arg", "return (" + check + ")(s, arg)")(
        new Function("return (" + snap + ")()")(), arg),
      { snap: snapshot.toString(), check: check.toString(), arg }, { timeout: WAIT_MS, polling: 100 });
  } catch (e) {
    const state = await page.evaluate(snapshot).catch(() => "(page gone)");
    throw new Failure(`page ${name}: ${what} (not within ${WAIT_MS} ms: ${e.message.split("\n")[0]})\n`
      + `page ${name} state: ${JSON.stringify(state, null, 1)}`);
  }
  console.log(`ok: page ${name}: ${what}`);
}

const propsOf = (s, token) => { const r = s.rows.find(r => r.token === token); return r ? r.props : null; };

const browser = await chromium.launch({
  executablePath,
  headless: true,
  timeout: 30_000,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
let code = 0;
try {
  const pageErrors = [];
  const open = async name => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await context.newPage();
    page.on("pageerror", e => pageErrors.push(`page ${name}: ${e.message}`));
    await page.goto(url, { timeout: WAIT_MS });
    await until(page, name, "shows its own token and connected status",
      s => /^[0-9a-f]{32}$/.test(s.me) && s.status === "connected"
        && s.rows.some(r => r.token === s.me && r.you));
    const token = await page.locator("#me").textContent();
    if (!TOKEN.test(token)) throw new Failure(`page ${name}: #me is not a 32-hex token: ${token}`);
    return { name, context, page, token };
  };
  const a = await open("A");
  const b = await open("B");
  if (a.token === b.token) throw new Failure(`A and B got the same token ${a.token}`);
  console.log(`tokens: A=${a.token} B=${b.token}`);

  await until(b.page, "B", "lists A's token without properties",
    (s, t) => s.rows.some(r => r.token === t && !r.you && r.props === "-"), a.token);
  await until(a.page, "A", "lists B's token and offers it as a message target",
    (s, t) => s.rows.some(r => r.token === t && !r.you) && s.targets.includes(t), b.token);

  // 1. A sets color=red through the form.
  await a.page.locator("#key").fill("color");
  await a.page.locator("#value").fill("red");
  await a.page.locator("#prop button").click();
  await until(b.page, "B", "shows A's color = red",
    (s, t) => { const p = s.rows.find(r => r.token === t); return !!p && p.props !== "-"
      && JSON.parse(p.props).color === "red"; }, a.token);
  await until(a.page, "A", "shows its own color = red",
    (s, t) => { const p = s.rows.find(r => r.token === t && r.you); return !!p && p.props !== "-"
      && JSON.parse(p.props).color === "red"; }, a.token);

  // 2. A sends B a message through the form.
  const text = "hello from A " + Date.now();
  await a.page.locator("#text").fill(text);
  await a.page.locator("#target").selectOption(b.token);
  await a.page.locator("#msg button").click();
  await until(b.page, "B", `logs the message from A's token: ${JSON.stringify(text)}`,
    (s, { from, text }) => s.log.some(l => !l.error && l.text === `${from} [message]: ${JSON.stringify(text)}`),
    { from: a.token, text });
  const aLog = (await a.page.evaluate(snapshot)).log;
  if (aLog.some(l => l.text.includes(text))) {
    throw new Failure(`page A: received its own message, sent to B only: ${JSON.stringify(aLog)}`);
  }
  if (await a.page.locator("#text").inputValue() !== "") throw new Failure("page A: message field not cleared");

  // 3. A deletes the property (empty value).
  await a.page.locator("#key").fill("color");
  await a.page.locator("#value").fill("");
  await a.page.locator("#prop button").click();
  await until(b.page, "B", "no longer shows A's color", (s, t) => s.rows.some(r => r.token === t && r.props === "-"),
    a.token);
  await until(a.page, "A", "no longer shows its own color",
    (s, t) => s.rows.some(r => r.token === t && r.you && r.props === "-"), a.token);

  for (const p of [a, b]) {
    const errors = (await p.page.evaluate(snapshot)).log.filter(l => l.error);
    if (errors.length) throw new Failure(`page ${p.name}: error packets logged: ${JSON.stringify(errors)}`);
  }

  // 4. A's page closes; B's table and target list drop A's token.
  await a.page.screenshot({ path: path.join(outDir, "relay-a.png"), fullPage: true });
  await a.context.close();
  await until(b.page, "B", "dropped A's token after A closed",
    (s, t) => !s.rows.some(r => r.token === t) && !s.targets.includes(t) && s.rows.length === 1 && s.rows[0].you,
    a.token);
  await b.page.screenshot({ path: path.join(outDir, "relay-b.png"), fullPage: true });
  if (pageErrors.length) throw new Failure("JavaScript errors:\n" + pageErrors.join("\n"));
  await b.context.close();
  console.log(`OK: two pages: property set and deleted, message relayed, close seen; screenshots in ${outDir}`);
} catch (e) {
  console.error("FAIL: " + (e instanceof Failure ? e.message : e.stack || e));
  code = 1;
} finally {
  await browser.close().catch(() => {});
}
process.exit(code);
