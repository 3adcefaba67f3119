package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.Locale;

import static io.bouncedesk.domain.BounceReason.*;

/**
 * Sentences that mean something particular only when a given provider writes them (they would
 * be too loose as general phrases): the provider is recognised by its headers first.
 */
final class ProviderMessages {

    private ProviderMessages() {
    }

    static BounceReason find(Notification n, String lower) {
        String from = n.fromLower;
        if (from.contains("post_master@vtext.com") || (from.contains("sysadmin@") && from.contains(".vzwpix.com"))) {
            // Verizon MMS gateways
            if (lower.contains("550 - requested action not taken: no such user here") || lower.contains("no valid recipients")) {
                return USERUNKNOWN;
            }
        }
        if (n.subject.startsWith("Undeliverable Mail ") || n.headers.getOrEmpty("x-mailer").startsWith("<SMTP32 v")) {
            // Ipswitch IMail
            if (lower.contains("unknown host")) {
                return HOSTUNKNOWN;
            }
            if (lower.contains("unknown user") || lower.contains("invalid final delivery userid")) {
                return USERUNKNOWN;
            }
            if (lower.contains("delivery failed ")) {
                return EXPIRED;
            }
        }
        // Trend Micro InterScan MSS: "Unable to deliver message to <addr>" is its unknown-user wording
        if (lower.contains("unable to deliver") && (from.startsWith("\"interscan") || n.text().contains(" InterScan "))) {
            return USERUNKNOWN;
        }
        if (n.headers.has("x-ses-outgoing") && n.text().contains("This message could not be delivered.")) {
            // Amazon SES receiving rules: the wording of the bounce templates decides
            if (lower.contains("mailbox does not exist")) {
                return FILTERED;
            }
            if (lower.contains("message too large")) {
                return MESGTOOBIG;
            }
            if (lower.contains("mailbox full")) {
                return MAILBOXFULL;
            }
            if (lower.contains("message content rejected")) {
                return CONTENTERROR;
            }
        }
        if (lower.contains("host or domain name not found") && isAol(n)) {
            return HOSTUNKNOWN;
        }
        if (lower.contains("type=mx: malformed or unexpected name server reply") && isAol(n)) {
            return NOTACCEPT;
        }
        return null;
    }

    private static boolean isAol(Notification n) {
        if (n.headers.has("x-aol-ip")) {
            return true;
        }
        for (String r : n.headers.all("received")) {
            String l = r.toLowerCase(Locale.ROOT);
            if (l.contains(".mx.aol.") && l.contains("outbound mail relay")) {
                return true;
            }
        }
        return false;
    }
}
