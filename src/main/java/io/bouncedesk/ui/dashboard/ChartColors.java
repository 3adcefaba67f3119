package io.bouncedesk.ui.dashboard;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.ContactStatus;

import java.util.EnumMap;
import java.util.Map;

/**
 * One colour per category and per status, the same in every chart and legend (the default chart
 * palette repeats after eight series and gives a category another colour in each chart).
 * Mid-tone colours read on both the light and the dark theme.
 */
final class ChartColors {

    private static final Map<BounceCategory, String> CATEGORY = new EnumMap<>(Map.of(
            BounceCategory.UNKNOWN_USER, "#d1495b",
            BounceCategory.BAD_DOMAIN, "#8e5ba8",
            BounceCategory.MAILBOX_FULL, "#e9a23b",
            BounceCategory.SPAM_REPUTATION, "#e8743b",
            BounceCategory.POLICY_AUTH, "#2a9d8f",
            BounceCategory.CONTENT, "#3c7dc4",
            BounceCategory.THROTTLED, "#7cb56b",
            BounceCategory.TIMEOUT_NETWORK, "#5c6f91",
            BounceCategory.OTHER, "#9a9a9a"));

    private static final Map<ContactStatus, String> STATUS = new EnumMap<>(Map.of(
            ContactStatus.ACTIVE, "#2e9e5b",
            ContactStatus.UNCONFIRMED, "#8a9bb0",
            ContactStatus.BOUNCED, "#d1495b",
            ContactStatus.UNSUBSCRIBED, "#e9a23b",
            ContactStatus.SPAM_COMPLAINT, "#e8743b"));

    private ChartColors() {
    }

    static String of(BounceCategory c) {
        return CATEGORY.get(c);
    }

    static String of(ContactStatus s) {
        return STATUS.get(s);
    }

    /** The inline style of a bar. */
    static String bar(String colour) {
        return "-fx-bar-fill: " + colour + ";";
    }
}
