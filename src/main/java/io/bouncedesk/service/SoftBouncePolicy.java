package io.bouncedesk.service;

import java.time.Duration;
import java.util.List;

/**
 * When soft bounces become hard (domain rules, section 4): a soft-bounced recipient is tried
 * {@link #attemptsPerEmail()} times within one email, spread over two days; after
 * {@link #consecutiveLimit()} failed attempts in a row (across emails) the address is hard-bounced.
 *
 * @param retryOffsets time of each attempt after the send; its size is the attempts per email
 */
public record SoftBouncePolicy(List<Duration> retryOffsets, int consecutiveLimit) {

    public static SoftBouncePolicy standard() {
        return new SoftBouncePolicy(List.of(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(4),
                Duration.ofHours(12), Duration.ofHours(24), Duration.ofHours(48)), 10);
    }

    public int attemptsPerEmail() {
        return retryOffsets.size();
    }

    public Duration retryWindow() {
        return retryOffsets.get(retryOffsets.size() - 1);
    }

    /** How many attempts an email gets for an address that has already failed {@code failuresSoFar} times in a row. */
    public int attemptBudget(int failuresSoFar) {
        return Math.max(1, Math.min(attemptsPerEmail(), consecutiveLimit - failuresSoFar));
    }
}
