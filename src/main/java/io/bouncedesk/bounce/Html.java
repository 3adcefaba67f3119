package io.bouncedesk.bounce;

/** Just enough HTML-to-text for bounce reports that come as HTML only. */
final class Html {

    private Html() {
    }

    private static final String[] LINE_TAGS = {"br", "p", "/p", "div", "/div", "tr", "/tr", "li"};

    private static boolean at(String html, int i, String lowerTag) {
        return html.regionMatches(true, i, lowerTag, 0, lowerTag.length());
    }

    static String toText(String html) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        int n = html.length();
        int i = 0;
        while (i < n) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                if (close < 0) {
                    break;
                }
                int t = i + 1;
                if (at(html, t, "style") || at(html, t, "script") || at(html, t, "head")) {
                    String name = at(html, t, "style") ? "</style" : at(html, t, "script") ? "</script" : "</head";
                    int end = indexOfIgnoreCase(html, name, close);
                    i = end < 0 ? n : html.indexOf('>', end) + 1;
                    continue;
                }
                boolean lineBreak = false;
                for (String tag : LINE_TAGS) {
                    lineBreak |= at(html, t, tag);
                }
                out.append(lineBreak ? '\n' : ' ');
                i = close + 1;
            } else if (c == '&') {
                int semi = html.indexOf(';', i);
                if (semi > i && semi - i < 8) {
                    String ent = html.substring(i + 1, semi);
                    out.append(switch (ent) {
                        case "lt" -> "<";
                        case "gt" -> ">";
                        case "amp" -> "&";
                        case "quot" -> "\"";
                        case "nbsp", "#160" -> " ";
                        case "#39", "apos" -> "'";
                        default -> " ";
                    });
                    i = semi + 1;
                } else {
                    out.append(c);
                    i++;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int indexOfIgnoreCase(String s, String lowerNeedle, int from) {
        for (int i = s.indexOf('<', from); i >= 0; i = s.indexOf('<', i + 1)) {
            if (s.regionMatches(true, i, lowerNeedle, 0, lowerNeedle.length())) {
                return i;
            }
        }
        return -1;
    }
}
