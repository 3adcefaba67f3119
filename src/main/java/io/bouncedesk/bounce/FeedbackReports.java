package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Spam complaints: RFC 5965 ARF reports, Microsoft's JMRP variant (the complaint is the returned
 * message with an X-HmXmrOriginalRecipient header) and Apple Mail's unsubscribe replies.
 */
final class FeedbackReports {

    private FeedbackReports() {
    }

    static List<RecipientFact> facts(Notification n) {
        List<RecipientFact> out = new ArrayList<>(1);
        if ("true".equalsIgnoreCase(n.headers.getOrEmpty("x-apple-unsubscribe").strip())) {
            String from = Addresses.first(n.headers.get("from"));
            if (!from.isEmpty()) {
                out.add(complaint(from, "opt-out", n.headers.getOrEmpty("date")));
            }
            return out;
        }
        MailHeaders original = n.originalHeaders(null);
        if (n.feedbackReport != null) {
            MailHeaders report = MailHeaders.read(n.feedbackReport, 0, n.feedbackReport.length());
            String type = report.getOrEmpty("feedback-type").strip().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                type = "other";
            }
            String date = report.getOrEmpty("arrival-date");
            if (date.isEmpty()) {
                date = report.getOrEmpty("received-date");
            }
            List<String> rcpts = new ArrayList<>();
            for (String v : report.all("original-rcpt-to")) {
                rcpts.addAll(Addresses.all(v));
            }
            if (rcpts.isEmpty()) {
                for (String v : report.all("removal-recipient")) {
                    rcpts.addAll(Addresses.all(v));
                }
            }
            if (rcpts.isEmpty() && original != null) {
                String to = Addresses.first(original.get("to"));
                if (!to.isEmpty()) {
                    rcpts.add(to);
                }
            }
            for (String r : rcpts) {
                out.add(complaint(r, type, date));
            }
            return out;
        }
        if (original != null && original.has("x-hmxmroriginalrecipient")) {
            String r = Addresses.first(original.get("x-hmxmroriginalrecipient"));
            if (!r.isEmpty()) {
                out.add(complaint(r, "abuse", n.headers.getOrEmpty("date")));
            }
        }
        return out;
    }

    /** Whether the message claims to be a complaint of one of the kinds above. */
    static boolean looksLike(Notification n) {
        if (n.feedbackReport != null || n.headers.has("x-apple-unsubscribe")) {
            return true;
        }
        if (n.original != null && (n.subjectLower.contains("complaint") || n.fromLower.contains("hotmail"))) {
            MailHeaders h = n.originalHeaders(null);
            return h != null && h.has("x-hmxmroriginalrecipient");
        }
        return false;
    }

    private static RecipientFact complaint(String recipient, String type, String date) {
        RecipientFact f = new RecipientFact(recipient);
        f.reason = BounceReason.FEEDBACK;
        f.feedbackType = type;
        f.date = date;
        f.diagnosticType = "FEEDBACK";
        return f;
    }
}
