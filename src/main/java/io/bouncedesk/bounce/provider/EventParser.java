package io.bouncedesk.bounce.provider;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Turns one JSON object of one provider into events; stateless and thread-safe. */
interface EventParser {

    /** Whether the object has the shape of this provider's events or envelopes at all. */
    boolean recognises(ObjectNode node);

    void parse(ObjectNode node, EventSink sink) throws MalformedEventException;

    static EventParser of(ProviderFormat format) {
        return switch (format) {
            case SENDGRID -> SendGridParser.INSTANCE;
            case SES -> SesParser.INSTANCE;
            case POSTMARK -> PostmarkParser.INSTANCE;
            case MAILGUN -> MailgunParser.INSTANCE;
        };
    }
}
