#!/usr/bin/env node
// Server CPU per delivered frame and per delivered packet, from load.mjs results that sampled the server (--server-pid):
//   node bench/load/cpu-per-frame.mjs result1.json result2.json ...
// For each run: the server's CPU time in the measured window (proc.server_cpu_s, from /proc/PID/stat) divided by the
// frames the generator received in that window (counts.frames_recv); for chat, summed over the steps measured. Prints
// a markdown table per label (load.mjs --label): median and spread in microseconds, the frames they are over, runs;
// then the same over the packets received (counts.packets_recv): a server that sends several packets in one frame (a
// JSON array of commands) delivers fewer, larger frames, so per packet is the figure that compares across servers.
// Runs that failed verification are left out, as summarize.mjs does; the idle scenario has no frame rate and is skipped.
import fs from 'node:fs';

const files = process.argv.slice(2);
if (!files.length) { console.error('usage: node cpu-per-frame.mjs RESULT.json...'); process.exit(2); }
const groups = new Map();
for (const f of files) {
  const d = JSON.parse(fs.readFileSync(f, 'utf8'));
  if (!d.passed || d.scenario === 'idle') continue;
  const r = d.result || {};
  const parts = Array.isArray(r.steps) ? r.steps : [r];
  let cpu = 0;
  let frames = 0;
  let packets = 0;
  for (const p of parts) {
    if (!p.proc || typeof p.proc.server_cpu_s !== 'number' || !p.counts) continue;
    cpu += p.proc.server_cpu_s;
    frames += p.counts.frames_recv;
    packets += p.counts.packets_recv || 0;
  }
  if (!frames) continue;
  const label = d.label || d.scenario;
  if (!groups.has(label)) groups.set(label, []);
  groups.get(label).push({ us: (cpu / frames) * 1e6, frames, cpu, usPacket: packets ? (cpu / packets) * 1e6 : NaN, packets });
}
const median = (a) => { const s = [...a].sort((x, y) => x - y); const n = s.length; return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
console.log('| run label | server CPU per delivered frame (µs), median | spread (min – max) | frames received per run (median) | runs |');
console.log('|---|---|---|---|---|');
for (const [label, runs] of groups) {
  const us = runs.map((r) => r.us);
  console.log(`| ${label} | ${fmt(median(us))} | ${fmt(Math.min(...us))} – ${fmt(Math.max(...us))} | ${Math.round(median(runs.map((r) => r.frames)))} | ${runs.length} |`);
}
console.log('');
console.log('| run label | server CPU per delivered packet (µs), median | spread (min – max) | packets received per run (median) | runs |');
console.log('|---|---|---|---|---|');
for (const [label, runs] of groups) {
  const us = runs.map((r) => r.usPacket).filter((x) => !Number.isNaN(x));
  if (!us.length) continue;
  console.log(`| ${label} | ${fmt(median(us))} | ${fmt(Math.min(...us))} – ${fmt(Math.max(...us))} | ${Math.round(median(runs.map((r) => r.packets)))} | ${us.length} |`);
}
