package io.bouncedesk.service;

/**
 * The monthly unbounce quota: at most 2% of the workspace's contacts, at least 10 and at most
 * 1,000 (domain rules, section 7).
 */
public record UnbounceQuota(String month, int limit, int used) {

    public static int limitFor(long totalContacts) {
        long twoPercent = totalContacts * 2 / 100;
        return (int) Math.min(1000, Math.max(10, twoPercent));
    }

    public int remaining() {
        return Math.max(0, limit - used);
    }

    public boolean exhausted() {
        return used >= limit;
    }
}
