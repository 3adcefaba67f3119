package io.bouncedesk.ui.i18n;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The texts one language can show: each bundle value exactly, and each MessageFormat pattern as a
 * regular expression (its literal parts quoted, every argument, choice included, any text), so
 * that "1,234 recipients" is recognised as recipients.count.
 */
final class TextCatalog {

    private final Set<String> exact = new HashSet<>();
    private final List<Pattern> patterns = new ArrayList<>();

    TextCatalog(Map<String, String> bundle) {
        this(bundle, 1);
    }

    /**
     * @param minLetters how many letters of its own a pattern needs to count: a pattern such as
     *                   "{0} of {1}" would also match a subject line that happens to contain " of ".
     */
    TextCatalog(Map<String, String> bundle, int minLetters) {
        for (String value : bundle.values()) {
            String v = value.strip();
            exact.add(v);
            exact.add(v.replace("''", "'"));
            // A pattern with no words of its own ("{0}: {1}") would pass any text: it proves nothing.
            if (v.contains("{") && letters(v) >= minLetters) {
                patterns.add(Pattern.compile(regex(v), Pattern.DOTALL));
            }
            // A text the code shows with something after it ("Subject:" + value), or a line of it.
            for (String line : v.split("\\\\n|\n")) {
                exact.add(line.strip());
            }
        }
    }

    boolean matches(String text) {
        String t = text.strip();
        if (exact.contains(t)) {
            return true;
        }
        for (Pattern p : patterns) {
            if (p.matcher(t).matches()) {
                return true;
            }
        }
        return false;
    }

    private static long letters(String pattern) {
        return regex(pattern).replace("\\Q", "").replace("\\E", "").replace("(.*?)", "").chars()
                .filter(Character::isLetter).count();
    }

    /** {0} or {0,number}: any text; {0,choice,0#none|1<{0} many}: one of its branches. */
    private static String argument(String body) {
        String[] parts = body.split(",", 3);
        if (parts.length < 3 || !parts[1].strip().equals("choice")) {
            return "(.*?)";
        }
        List<String> branches = new ArrayList<>();
        int depth = 0;
        int start = 0;
        String choices = parts[2];
        for (int k = 0; k <= choices.length(); k++) {
            char c = k < choices.length() ? choices.charAt(k) : '|';
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '|' && depth == 0) {
                String branch = choices.substring(start, k);
                int sep = branch.replaceAll("[#<\u2264].*", "").length();
                branches.add(regex(branch.substring(Math.min(sep + 1, branch.length()))));
                start = k + 1;
            }
        }
        return "(?:" + String.join("|", branches) + ")";
    }

    /** "{0} of {1}" becomes \Q\E.+?\Q of \E.+?; quoted parts ('{') and doubled quotes become literals. */
    static String regex(String pattern) {
        StringBuilder out = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    literal.append('\'');
                    i += 2;
                    continue;
                }
                int end = pattern.indexOf('\'', i + 1);
                if (end < 0) {
                    end = pattern.length();
                }
                literal.append(pattern, i + 1, end);
                i = end + 1;
            } else if (c == '{') {
                int depth = 0;
                int j = i;
                for (; j < pattern.length(); j++) {
                    if (pattern.charAt(j) == '{') {
                        depth++;
                    } else if (pattern.charAt(j) == '}' && --depth == 0) {
                        break;
                    }
                }
                out.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                out.append(argument(pattern.substring(i + 1, Math.min(j, pattern.length()))));
                i = j + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        out.append(Pattern.quote(literal.toString()));
        return out.toString();
    }
}
