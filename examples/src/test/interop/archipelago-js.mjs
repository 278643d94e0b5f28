#!/usr/bin/env node
// archipelago.js (npm, pinned in package-lock.json) against an apwire example server.
//
//   node archipelago-js.mjs play  ws://127.0.0.1:PORT   Alice and Bob of the demo world (password sesame): login,
//                                                       a location check, a hint and a data storage round trip
//   node archipelago-js.mjs login ws://127.0.0.1:PORT   Alice's login only (the --rooms default room)
//
// Expectations follow from what the server itself reports (scouts, the data package), so they hold wherever the
// world places its items. Each step is bounded in time; any failure exits 1 with a FAIL line.
import { WebSocket } from 'ws';
import { Client } from 'archipelago.js';

// Node 20 has no global WebSocket; archipelago.js looks for one.
globalThis.WebSocket ??= WebSocket;

const [mode, url] = process.argv.slice(2);
if (!['play', 'login'].includes(mode) || !url) {
  console.error('usage: node archipelago-js.mjs play|login ws://HOST:PORT');
  process.exit(2);
}
const PASSWORD = 'sesame';
const STEP_MS = 10000;
let steps = 0;

function fail(msg) {
  console.error(`FAIL: ${msg}`);
  process.exit(1);
}

/** Awaits a promise at most STEP_MS. */
function within(what, promise) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), STEP_MS); }),
  ]);
}

/** Resolves with the first event args for which the predicate holds. */
function once(manager, event, predicate = () => true) {
  return new Promise((resolve) => {
    const listener = (...args) => {
      if (predicate(...args)) {
        manager.off(event, listener);
        resolve(args);
      }
    };
    manager.on(event, listener);
  });
}

function ok(what) {
  steps++;
  console.log(`ok ${steps} - ${what}`);
}

function expect(cond, what) {
  if (!cond) fail(what);
  ok(what);
}

async function login(name, game) {
  const client = new Client();
  await within(`${name} login`, client.login(url, name, game, { password: PASSWORD }));
  expect(client.authenticated && client.name === name, `${name} logged in (${game}, slot ${client.players.self.slot})`);
  return client;
}

async function play() {
  const alice = await login('Alice', 'Pebble Quest');
  const bob = await login('Bob', 'Lantern Run');
  expect(alice.room.seedName === bob.room.seedName && alice.room.seedName.length > 0, `same room, seed ${alice.room.seedName}`);
  expect(alice.players.findPlayer(bob.players.self.slot)?.name === 'Bob', 'Alice sees Bob in the players');

  // A location check: Bob checks his first missing location; whoever the item is for receives it.
  const missing = bob.room.missingLocations;
  expect(missing.length >= 2, `Bob has ${missing.length} missing locations`);
  const [loc, hintLoc] = [...missing].sort((a, b) => a - b);
  const [scouted] = await within('scout', bob.scout([loc]));
  expect(scouted && scouted.locationId === loc, `scouted ${scouted.locationName}: ${scouted.name} for ${scouted.receiver.name}`);
  const receiver = scouted.receiver.slot === alice.players.self.slot ? alice : bob;
  const received = once(receiver.items, 'itemsReceived', (items) => items.some((i) => i.id === scouted.id));
  const roomUpdated = once(bob.room, 'locationsChecked', (locations) => locations.includes(loc));
  bob.check(loc);
  await within('item received', received);
  ok(`${receiver.name} received ${scouted.name} from ${scouted.locationName}`);
  await within('checked locations', roomUpdated);
  expect(bob.room.checkedLocations.includes(loc) && !bob.room.missingLocations.includes(loc), `Bob's ${loc} is checked`);

  // A hint: Bob scouts his next location as a hint; the finder sees it, and so does the receiver.
  const [hinted] = await within('hint scout', bob.scout([hintLoc], 2));
  const hintReceiver = hinted.receiver.slot === alice.players.self.slot ? alice : bob;
  const hintSeen = hintReceiver === bob ? Promise.resolve()
    : within('hint at the receiver', once(alice.items, 'hintReceived', (h) => h.item.locationId === hintLoc));
  await hintSeen;
  const deadline = Date.now() + STEP_MS;
  while (!bob.items.hints.some((h) => h.item.locationId === hintLoc) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(bob.items.hints.some((h) => h.item.locationId === hintLoc && !h.found),
    `hint: ${hinted.name} for ${hinted.receiver.name} at ${hinted.locationName}, not found`);
  const hintsKey = `_read_hints_0_${bob.players.self.slot}`;
  const stored = await within('hints key', bob.storage.fetch(hintsKey));
  expect(Array.isArray(stored) && stored.some((h) => h.location === hintLoc), `${hintsKey} lists the hint`);

  // A data storage round trip: Bob watches a key, Alice adds to it, both see the value.
  const key = `interop_${Date.now()}`;
  const changed = new Promise((resolve) => {
    bob.storage.notify([key], (k, value) => { if (k === key) resolve(value); });
  });
  await new Promise((r) => setTimeout(r, 100));
  const value = await within('set', alice.storage.prepare(key, 10).add(5).multiply(2).commit(true));
  expect(value === 30, `Alice's Set replied ${value} (expected (10 + 5) * 2 = 30)`);
  expect(await within('notify', changed) === 30, 'Bob was notified of 30');
  expect(await within('get', bob.storage.fetch(key)) === 30, 'Bob reads 30');

  alice.socket.disconnect();
  bob.socket.disconnect();
}

async function loginOnly() {
  const alice = await login('Alice', 'Pebble Quest');
  expect(alice.room.seedName.length > 0, `room info of seed ${alice.room.seedName}`);
  alice.socket.disconnect();
}

try {
  await (mode === 'play' ? play() : loginOnly());
  console.log(`${steps} passed, 0 failed`);
  process.exit(0);
} catch (e) {
  fail(e?.stack ?? String(e));
}
