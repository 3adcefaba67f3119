package io.bouncedesk.bounce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds email addresses in free text without regular expressions (it runs on every line). */
final class Addresses {

    private Addresses() {
    }

    /** Start of the first address at or after {@code from}; {@code end[0]} receives its end. -1 if none. */
    static int find(String s, int from, int[] end) {
        int at = s.indexOf('@', from);
        while (at >= 0) {
            int l = at;
            while (l > 0 && isLocalChar(s.charAt(l - 1))) {
                l--;
            }
            while (l < at && (s.charAt(l) == '.' || s.charAt(l) == '\'' || s.charAt(l) == '=' || s.charAt(l) == '/')) {
                l++;
            }
            int r = at + 1;
            int dots = 0;
            while (r < s.length() && isDomainChar(s.charAt(r))) {
                if (s.charAt(r) == '.') {
                    dots++;
                }
                r++;
            }
            while (r > at + 1 && (s.charAt(r - 1) == '.' || s.charAt(r - 1) == '-')) {
                r--;
                dots--;
            }
            if (l < at && r > at + 1 && dots > 0) {
                end[0] = r;
                return l;
            }
            at = s.indexOf('@', at + 1);
        }
        return -1;
    }

    static List<String> all(String s) {
        List<String> out = new ArrayList<>(2);
        int[] end = new int[1];
        int p = find(s, 0, end);
        while (p >= 0) {
            out.add(s.substring(p, end[0]));
            p = find(s, end[0], end);
        }
        return out;
    }

    /** The first address in a header-like value ("Name <a@b.c>"), or "". */
    static String first(String s) {
        if (s == null) {
            return "";
        }
        int[] end = new int[1];
        int p = find(s, 0, end);
        return p < 0 ? "" : s.substring(p, end[0]);
    }

    static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || ".!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0;
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }
}
