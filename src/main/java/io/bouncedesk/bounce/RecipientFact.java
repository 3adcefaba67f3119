package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;

/** What one bounce says about one recipient, gathered before the reason is decided. */
final class RecipientFact {

    String recipient = "";
    String originalRecipient = "";
    String action = "";
    String status = "";
    String replyCode = "";
    /** "SMTP", "X-UNIX", "X-POSTFIX", ... from Diagnostic-Code, upper-case; "" when unknown. */
    String diagnosticType = "";
    String diagnostic = "";
    /** The human-readable report's text about this recipient (beside a DSN's Diagnostic-Code), or "". */
    String context = "";
    /** The error-carrying lines of a human-readable report about this recipient (see TextBounceScanner). */
    String errorLines = "";
    String remoteMta = "";
    /** The MTA that wrote the report (Reporting-MTA), or "". */
    String reportingMta = "";
    /** Last SMTP command of the failed session (CONN, HELO, MAIL, RCPT, DATA...) or "". */
    String command = "";
    /** A reason already certain from the format (vendor message tables, ARF, auto-reply). */
    BounceReason reason;
    String feedbackType;
    String date = "";
    /** Set by formats that carry the original message's identifiers out of band (SES JSON). */
    String originalMessageId;
    String trackingToken;
    /** The last text analysed for this fact and the result (see {@link ReasonPatterns#analyse(RecipientFact, String)}). */
    String analysedText;
    ReasonPatterns.Analysis analysis;

    RecipientFact() {
    }

    RecipientFact(String recipient) {
        this.recipient = recipient;
    }

    private String lowerOf;
    private String lower;

    /** The diagnostic in lower case, computed once per diagnostic text. */
    String diagnosticLower() {
        if (lowerOf != diagnostic) {
            lower = diagnostic.toLowerCase(java.util.Locale.ROOT);
            lowerOf = diagnostic;
        }
        return lower;
    }

    /** Appends one error-carrying line (up to {@link #MAX_TEXT}). */
    void addErrorLine(String line) {
        if (errorLines.isEmpty()) {
            errorLines = line;
        } else if (errorLines.length() < MAX_TEXT) {
            errorLines = errorLines + " " + line;
        }
    }

    boolean hasRecipient() {
        return !recipient.isEmpty();
    }

    /**
     * Longest diagnostic or error-lines text kept: real ones stay far below; the limit keeps a
     * pathological report (thousands of lines after one address) from costing quadratic time.
     */
    static final int MAX_TEXT = 8000;

    /** Adds diagnostic text from another source unless it is already there. */
    void addDiagnostic(String text) {
        if (text == null || text.isBlank() || diagnostic.length() >= MAX_TEXT) {
            return;
        }
        String t = text.strip();
        if (diagnostic.isEmpty()) {
            diagnostic = t;
        } else if (!diagnostic.contains(t) && !t.contains(diagnostic)) {
            diagnostic = diagnostic + " " + t;
        } else if (t.contains(diagnostic)) {
            diagnostic = t;
        }
    }

    @Override
    public String toString() {
        return recipient + " action=" + action + " status=" + status + " reply=" + replyCode + " cmd=" + command
                + " type=" + diagnosticType + " reason=" + reason + " rmta=" + remoteMta + " diag=" + diagnostic;
    }
}
