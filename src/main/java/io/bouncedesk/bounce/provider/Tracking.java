package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.TrackingIds;

/**
 * Finding BounceDesk's tracking token in provider data: the {@value TrackingIds#HEADER} header,
 * a custom arg / metadata / user variable named {@value #KEY}, or else BounceDesk's own
 * Message-ID format (see {@link TrackingIds}).
 */
final class Tracking {

    static final String KEY = "bouncedesk_tracking";

    private Tracking() {
    }

    /** The token encoded in a BounceDesk Message-ID, or null. */
    static String fromMessageId(String messageId) {
        // Cheap test first: TrackingIds uses a regular expression and most ids are the provider's.
        if (messageId == null || !messageId.contains("bd.e")) {
            return null;
        }
        return TrackingIds.fromMessageId(messageId)
                .map(ref -> TrackingIds.token(ref.emailId(), ref.recipientId()))
                .orElse(null);
    }

    /** The header's value in a raw header block (Postmark's bounce Content), or null. */
    static String fromRawHeaders(String raw) {
        if (raw == null) {
            return null;
        }
        String header = TrackingIds.HEADER;
        int n = raw.length();
        for (int i = 0; i + header.length() < n; i++) {
            boolean lineStart = i == 0 || raw.charAt(i - 1) == '\n';
            if (lineStart && raw.regionMatches(true, i, header, 0, header.length())
                    && raw.charAt(i + header.length()) == ':') {
                int start = i + header.length() + 1;
                int end = start;
                while (end < n && raw.charAt(end) != '\r' && raw.charAt(end) != '\n') {
                    end++;
                }
                String value = raw.substring(start, end).strip();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    static String firstNonBlank(String a, String b) {
        String x = JsonFields.nonBlank(a);
        return x != null ? x : JsonFields.nonBlank(b);
    }
}
