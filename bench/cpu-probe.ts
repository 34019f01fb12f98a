// Loaded into the benchmarked cloud's process (`node --import`), never into the product: it
// answers the bench's 'usage' message over the IPC channel with the process's own CPU time
// (process.cpuUsage(), microseconds, every thread) and resident memory, so the cloud's CPU
// per operation is read where it is spent, with no route added to the cloud.
process.on('message', (message) => {
  if (message !== 'usage') return;
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMs: (user + system) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20 });
});
// The HTTP server keeps the process alive; the channel alone must not.
process.channel?.unref();
