package io.bouncedesk.service;

/** An unbounce refused by one of the rules; nothing was changed. */
public class UnbounceRefusedException extends RuntimeException {

    private final UnbounceRule rule;

    public UnbounceRefusedException(UnbounceRule rule) {
        this(rule, rule.sentence());
    }

    public UnbounceRefusedException(UnbounceRule rule, String message) {
        super(message);
        this.rule = rule;
    }

    public UnbounceRule rule() {
        return rule;
    }
}
