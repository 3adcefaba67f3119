package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.TrackingIds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads one raw bounce message (DSN, vendor format, ARF complaint, auto-reply, success DSN) and
 * returns one {@link ParsedBounce} per recipient it reports on; an ordinary message yields an
 * empty list. Stateless: one instance can be shared by any number of threads.
 */
public final class BounceMessageParser {

    private static final String[] VERP_HEADERS = {"to", "delivered-to", "x-original-to", "envelope-to", "x-envelope-to"};

    /**
     * @throws MalformedBounceException when the bytes are not an email (empty, no header block),
     *     or when a structure too damaged to follow made the reading fail
     */
    public List<ParsedBounce> parse(byte[] rawMessage) throws MalformedBounceException {
        try {
            return parse(read(rawMessage));
        } catch (RuntimeException e) { // one damaged message must not stop a whole import
            throw new MalformedBounceException("could not read the message: " + e, e);
        }
    }

    private List<ParsedBounce> parse(MailPart root) {
        Notification n = Notification.of(root);
        BounceExtractor.Result result = BounceExtractor.extract(n);
        if (result.facts().isEmpty()) {
            return List.of();
        }
        for (RecipientFact f : result.facts()) {
            FactFinisher.finish(f);
        }
        VendorRules.apply(n, result);
        String messageId = null;
        String tracking;
        MailHeaders original = n.originalHeaders(result.afterSection());
        if (original != null) {
            messageId = emptyToNull(original.get("message-id"));
            tracking = emptyToNull(original.get(TrackingIds.HEADER.toLowerCase(Locale.ROOT)));
        } else {
            tracking = findTrackingHeader(n); // the returned headers may be quoted as text
        }
        String verp = verpAddress(n.headers);
        Instant bounceDate = null;
        String lastDate = null;
        Instant lastInstant = null;
        List<ParsedBounce> out = new ArrayList<>(result.facts().size());
        Set<String> seen = new HashSet<>();
        for (RecipientFact f : result.facts()) {
            String address = normalised(f.recipient);
            if (!seen.add(address.toLowerCase(Locale.ROOT) + "|" + (f.reason == BounceReason.DELIVERED))) {
                continue;
            }
            BounceReason reason = ReasonResolver.resolve(f);
            boolean permanent = FactFinisher.permanent(f, reason);
            if (!f.date.equals(lastDate)) { // the recipients of one report usually share their dates
                lastDate = f.date;
                lastInstant = MailDates.parse(f.date);
            }
            Instant date = lastInstant;
            if (date == null && bounceDate == null) {
                bounceDate = MailDates.parse(n.headers.get("date"));
            }
            out.add(new ParsedBounce(address, reason, reason.type(permanent), f.status, f.replyCode,
                    f.diagnostic, f.remoteMta, reason == BounceReason.FEEDBACK ? f.feedbackType : null,
                    f.originalMessageId != null ? f.originalMessageId : messageId,
                    f.trackingToken != null ? f.trackingToken : tracking, verp, date != null ? date : bounceDate));
        }
        return out;
    }

    /**
     * {@link EmailAddress#of}'s value. For an ASCII address that is the trimmed address with the
     * domain lower-cased (IDN conversion leaves ASCII labels alone); computing it here skips the
     * IDN and syntax checks, which cost more than the rest of a recipient's parsing.
     */
    static String normalised(String raw) {
        for (int i = 0, n = raw.length(); i < n; i++) {
            if (raw.charAt(i) >= 0x80) {
                return EmailAddress.of(raw).value();
            }
        }
        String t = raw.strip();
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1).strip();
        }
        int at = t.lastIndexOf('@');
        if (at <= 0 || at == t.length() - 1) {
            return t;
        }
        String domain = t.substring(at + 1).toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        return t.substring(0, at) + "@" + domain;
    }

    static MailPart read(byte[] raw) throws MalformedBounceException {
        if (raw == null || raw.length == 0) {
            throw new MalformedBounceException("empty message: 0 bytes");
        }
        String text = MailText.normalise(raw);
        int start = 0;
        while (start < text.length() && (text.charAt(start) == '\n' || text.charAt(start) == ' ' || text.charAt(start) == '\t')) {
            start++;
        }
        if (start == text.length()) {
            throw new MalformedBounceException("empty message: " + raw.length + " bytes of white space only");
        }
        int zeros = 0;
        int sample = text.indexOf('\0') < 0 ? 0 : Math.min(raw.length, 4096);
        for (int i = 0; i < sample; i++) {
            if (raw[i] == 0) {
                zeros++;
            }
        }
        if (zeros > 16 && zeros * 20 > sample) { // a stray NUL happens, a binary file has many
            throw new MalformedBounceException("not a text message: " + zeros + " NUL bytes in the first " + sample + " bytes");
        }
        MailPart root = MailPart.message(start == 0 ? text : text.substring(start));
        if (root.headers.size() == 0) {
            String first = text.substring(start, Math.max(start, Math.min(text.length(), text.indexOf('\n', start) < 0
                    ? text.length() : text.indexOf('\n', start))));
            throw new MalformedBounceException("no header block: the message must start with 'Name: value' header"
                    + " fields, but its first line is '" + (first.length() > 60 ? first.substring(0, 60) + "..." : first) + "'");
        }
        return root;
    }

    private static String verpAddress(MailHeaders h) {
        for (String field : VERP_HEADERS) {
            for (String v : h.all(field)) {
                if (!MailText.containsIgnoreCase(v, "bounce-e")) {
                    continue;
                }
                for (String a : Addresses.all(v)) {
                    if (TrackingIds.fromVerp(a).isPresent()) {
                        return a;
                    }
                }
            }
        }
        return null;
    }

    /** Our tracking header quoted in the report text or in a returned message we could not parse. */
    private static String findTrackingHeader(Notification n) {
        String v = headerValue(n.text());
        if (v == null && n.original != null) {
            v = headerValue(n.original.decodedBody());
        }
        return v;
    }

    private static final String[] TRACKING_SPELLINGS = {
        TrackingIds.HEADER + ":", TrackingIds.HEADER.toLowerCase(Locale.ROOT) + ":",
        TrackingIds.HEADER.toUpperCase(Locale.ROOT) + ":", "X-Bouncedesk-Tracking:",
    };

    private static String headerValue(String text) {
        for (String spelling : TRACKING_SPELLINGS) {
            int p = text.indexOf(spelling);
            if (p >= 0) {
                int eol = text.indexOf('\n', p);
                String v = text.substring(p + spelling.length(), eol < 0 ? text.length() : eol).strip();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
