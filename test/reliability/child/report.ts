/** The child's last line for run-child.ts: its peak resident memory (KB, from the kernel). */
export function reportPeak(): void {
  process.stdout.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
}
