package io.bouncedesk.domain;

/** Permanent (hard) or temporary (soft) delivery failure. */
public enum BounceType {
    HARD,
    SOFT
}
