/**
 * Splits sites into at most `groups` groups of about equal entry count
 * (largest first, each to the lightest group), so both cores finish at about
 * the same time. Empty groups are dropped: one site means one worker.
 */
export function balanceGroups(entryCounts: Record<string, number>, groups: number): string[][] {
  const sites = Object.keys(entryCounts).sort((a, b) => entryCounts[b]! - entryCounts[a]! || a.localeCompare(b));
  const buckets = Array.from({ length: Math.max(1, Math.min(groups, sites.length)) }, () => ({
    sites: [] as string[],
    load: 0,
  }));
  for (const site of sites) {
    const lightest = buckets.reduce((min, b) => (b.load < min.load ? b : min));
    lightest.sites.push(site);
    // A site's fixed cost (its home and section pages) counts even when it has few entries.
    lightest.load += entryCounts[site]! + 10;
  }
  return buckets.map((b) => b.sites.sort()).filter((g) => g.length > 0);
}
