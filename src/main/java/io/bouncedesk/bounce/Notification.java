package io.bouncedesk.bounce;

import java.util.Locale;

/**
 * A bounce message taken apart: its headers, the human-readable report, the machine-readable
 * delivery-status or feedback-report fields and the returned original message.
 */
final class Notification {

    final MailPart root;
    final MailHeaders headers;
    final String subject;
    final String subjectLower;
    final String fromLower;
    /** Concatenated message/delivery-status bodies, or "". */
    String deliveryStatus = "";
    /** message/feedback-report body, or null. */
    String feedbackReport;
    /** The human-readable text parts (LF line endings, decoded), in order. */
    private final StringBuilder text = new StringBuilder(512);
    private String textString;
    private String textLower;
    private MailHeaders originalHeaders;
    private boolean originalDone;
    /** The returned message (message/rfc822, text/rfc822-headers...), or null. */
    MailPart original;
    private boolean reportType;

    private Notification(MailPart root) {
        this.root = root;
        this.headers = root.headers;
        this.subject = headers.decoded("subject");
        this.subjectLower = subject.toLowerCase(Locale.ROOT);
        this.fromLower = headers.decoded("from").toLowerCase(Locale.ROOT);
    }

    static Notification of(MailPart root) {
        Notification n = new Notification(root);
        String ct = root.headers.getOrEmpty("content-type").toLowerCase(Locale.ROOT);
        n.reportType = root.mimeType.equals("multipart/report");
        if (ct.contains("feedback-report") && n.reportType) {
            n.feedbackReport = "";
        }
        n.walk(root);
        return n;
    }

    String textLower() {
        if (textLower == null) {
            textLower = MailText.lower(text());
        }
        return textLower;
    }

    String text() {
        if (textString == null) {
            textString = text.toString();
        }
        return textString;
    }

    boolean isReport() {
        return reportType;
    }

    private void walk(MailPart p) {
        String type = p.mimeType;
        if (p.isMultipart()) {
            if (p.children().isEmpty()) {
                appendText(p.text()); // a multipart without usable boundaries: read it as text
                return;
            }
            if (type.equals("multipart/alternative")) {
                MailPart chosen = null;
                for (MailPart c : p.children()) {
                    if (c.mimeType.equals("text/plain") || (chosen == null && (c.isMultipart() || c.mimeType.equals("text/html")))) {
                        chosen = c;
                    }
                }
                if (chosen != null) {
                    walk(chosen);
                }
                return;
            }
            for (MailPart c : p.children()) {
                walk(c);
            }
            return;
        }
        switch (type) {
            case "message/delivery-status", "message/global-delivery-status", "text/delivery-status" ->
                    deliveryStatus = deliveryStatus + p.text() + "\n"; // may quote 8-bit or ISO-2022-JP text
            case "message/feedback-report" -> feedbackReport = p.decodedBody();
            case "message/rfc822", "message/global", "message/rfc822-headers", "text/rfc822-headers",
                    "message/partial", "message/global-headers" -> {
                if (original == null) {
                    original = p;
                }
            }
            case "text/plain", "text/enriched" -> appendText(p.text());
            case "text/html" -> appendText(Html.toText(p.text()));
            default -> {
                if (type.startsWith("text/") && p.depth() == 0) {
                    appendText(p.text());
                }
            }
        }
    }

    private void appendText(String t) {
        if (t.isEmpty()) {
            return;
        }
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(t);
    }

    /** Headers of the returned message, or null when none can be found. */
    MailHeaders originalHeaders(String textAfterReport) {
        if (!originalDone) {
            originalHeaders = findOriginalHeaders(textAfterReport);
            originalDone = original != null || textAfterReport != null; // parsed once, it is needed thrice
        }
        return originalHeaders;
    }

    private MailHeaders findOriginalHeaders(String textAfterReport) {
        if (original != null) {
            MailPart m = original.embedded();
            if (m != null && m.headers.size() > 0) {
                return m.headers;
            }
        }
        if (textAfterReport == null || textAfterReport.isEmpty()) {
            return null;
        }
        int start = firstHeaderLine(textAfterReport);
        if (start < 0) {
            return null;
        }
        MailHeaders h = MailHeaders.read(textAfterReport, start, textAfterReport.length());
        return h.size() == 0 ? null : h;
    }

    private static final String[] HEADER_STARTS = {
        "return-path:", "received:", "message-id:", "from:", "to:", "date:", "subject:", "x-", "mime-version:",
        "dkim-signature:", "delivered-to:", "reply-to:", "content-type:",
    };

    private static int firstHeaderLine(String s) {
        int pos = 0;
        int n = s.length();
        while (pos < n) {
            int eol = s.indexOf('\n', pos);
            if (eol < 0) {
                eol = n;
            }
            for (String h : HEADER_STARTS) {
                if (s.regionMatches(true, pos, h, 0, h.length())) {
                    return pos;
                }
            }
            pos = eol + 1;
        }
        return -1;
    }
}
