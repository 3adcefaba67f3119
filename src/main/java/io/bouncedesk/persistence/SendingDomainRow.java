package io.bouncedesk.persistence;

/** A sending domain of the workspace and its authentication state (PASS, FAIL, MISSING, UNKNOWN). */
public record SendingDomainRow(long id, String domain, boolean connected, String spf, String dkim, String dmarc) {
}
