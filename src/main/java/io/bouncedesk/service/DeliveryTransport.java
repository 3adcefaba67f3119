package io.bouncedesk.service;

import java.time.Instant;

/**
 * The seam between planning a send and talking to receiving servers. The simulated transport
 * answers deterministically; a real SMTP transport plugs in here later.
 */
public interface DeliveryTransport {

    /** One message to one recipient, with the identifiers that let a bounce find its way back. */
    record OutgoingMessage(long emailId, long recipientId, String to, String from, String subject,
                           String messageId, String trackingToken, String returnPath) {
    }

    /** The receiving server's final reply to an attempt. */
    record Reply(String replyCode, String enhancedStatus, String text, String remoteMta) {
        public boolean accepted() {
            return replyCode != null && replyCode.startsWith("2");
        }
    }

    Reply deliver(OutgoingMessage message, int attemptNo, Instant at);
}
