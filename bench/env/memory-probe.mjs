// Preloaded (`node --import`) into the gateway that `npm start` runs, by bench/env/built-gateway.ts:
// answers the bench's IPC question about this process's memory, so a high RSS can be split into
// V8 heap, external and buffer memory. Plain JavaScript because that process runs no TypeScript.

if (process.send && process.channel) {
  process.on('message', (message) => {
    if (message?.type === 'memory') process.send({ id: message.id, ...process.memoryUsage() });
  });
  // The probe must never be what keeps the gateway alive.
  process.channel.unref();
}
