package io.bouncedesk.service;

import io.bouncedesk.persistence.RecipientCounts;

/**
 * An email's hard-bounce and spam-report rates against the lines at which platforms suspend
 * sending (domain rules, section 10): 5% hard bounces of the sent, 0.1% spam reports of the delivered.
 */
public record EmailHealth(double hardBounceRate, double spamReportRate) {

    public static final double HARD_BOUNCE_LIMIT = 0.05;
    public static final double SPAM_REPORT_LIMIT = 0.001;

    public static EmailHealth of(RecipientCounts c) {
        double hard = c.sent() == 0 ? 0 : (double) c.hardBounced() / c.sent();
        double spam = c.delivered() == 0 ? 0 : (double) c.spam() / c.delivered();
        return new EmailHealth(hard, spam);
    }

    public boolean hardBounceWarning() {
        return hardBounceRate >= HARD_BOUNCE_LIMIT;
    }

    public boolean spamReportWarning() {
        return spamReportRate >= SPAM_REPORT_LIMIT;
    }
}
