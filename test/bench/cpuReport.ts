/**
 * Preloaded (`node --require`) into the processes the bench compares: on exit, their CPU time
 * (user + system) and peak memory on stderr, as `cpu-report <ms> <MB>`.
 */
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`cpu-report ${((usage.userCPUTime + usage.systemCPUTime) / 1000).toFixed(1)} ${(usage.maxRSS / 1024).toFixed(1)}\n`);
});

export {};
