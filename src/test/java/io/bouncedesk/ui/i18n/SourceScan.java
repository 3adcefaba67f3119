package io.bouncedesk.ui.i18n;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the main sources say about message keys, read from {@code src/main/java} as text:
 * <ul>
 *   <li>every string literal (a key written out, {@code m.get("emails.title")});</li>
 *   <li>the prefixes of keys built in code: the first argument of {@code Messages.of(prefix, enum)}
 *       (which looks up {@code prefix.CONSTANT}) and a literal ending in a dot that is concatenated,
 *       {@code m.get("tab." + t.cliName())};</li>
 *   <li>the constants of every enum declared in the main sources (loaded by reflection);</li>
 *   <li>the keys given to {@code Messages.format} by literal, whose texts are MessageFormat patterns.</li>
 * </ul>
 */
final class SourceScan {

    static final Path MAIN = Path.of("src", "main", "java");

    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern OF_PREFIX = Pattern.compile("\\.of\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*,");
    private static final Pattern CONCAT_PREFIX = Pattern.compile("\"([A-Za-z0-9_.]+\\.)\"\\s*\\+");
    /** "prefix." + x.name() + ".suffix": a key built around a value, e.g. import.kind.CONTACTS.hint. */
    private static final Pattern CONCAT_AROUND = Pattern.compile(
            "\"([A-Za-z0-9_.]+\\.)\"\\s*\\+[^;\"]*?\\+\\s*\"(\\.[A-Za-z0-9_.]+)\"");
    private static final Pattern CHAR_LITERAL = Pattern.compile("'(\\\\[tnr0'\"\\\\]|[^'\\\\])'");
    private static final Pattern FORMAT_KEY = Pattern.compile("\\.format\\(\\s*\"([A-Za-z0-9_.]+)\"");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
    private static final Pattern ENUM = Pattern.compile("\\benum\\s+(\\w+)");

    final Set<String> literals = new HashSet<>();
    final Set<String> ofPrefixes = new TreeSet<>();
    final Set<String> concatPrefixes = new TreeSet<>();
    final Set<String> formatKeys = new TreeSet<>();
    final Set<String> suffixes = new TreeSet<>();
    final Set<String> charCodes = new TreeSet<>();
    final Set<String> enumConstants = new TreeSet<>();

    static SourceScan read() {
        SourceScan s = new SourceScan();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(p -> p.toString().endsWith(".java")).forEach(s::scan);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    private void scan(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String code = text.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//.*$", "");
        Matcher m = LITERAL.matcher(code);
        while (m.find()) {
            literals.add(m.group(1));
        }
        collect(OF_PREFIX, code, ofPrefixes);
        collect(CONCAT_PREFIX, code, concatPrefixes);
        collect(FORMAT_KEY, code, formatKeys);
        Matcher around = CONCAT_AROUND.matcher(code);
        while (around.find()) {
            concatPrefixes.add(around.group(1));
            suffixes.add(around.group(2));
        }
        Matcher ch = CHAR_LITERAL.matcher(code);
        while (ch.find()) {
            String c = ch.group(1);
            char value = switch (c) {
                case "\\t" -> '\t';
                case "\\n" -> '\n';
                case "\\r" -> '\r';
                case "\\0" -> '\0';
                default -> c.charAt(c.length() - 1);
            };
            charCodes.add(Integer.toString(value));
        }
        Matcher pkg = PACKAGE.matcher(code);
        String packageName = pkg.find() ? pkg.group(1) + "." : "";
        String outer = file.getFileName().toString().replace(".java", "");
        Matcher e = ENUM.matcher(code);
        while (e.find()) {
            String name = e.group(1);
            for (String candidate : new String[] {packageName + name, packageName + outer + "$" + name}) {
                try {
                    Class<?> c = Class.forName(candidate, false, SourceScan.class.getClassLoader());
                    if (c.isEnum()) {
                        Arrays.stream(c.getEnumConstants()).map(k -> ((Enum<?>) k).name()).forEach(enumConstants::add);
                        break;
                    }
                } catch (ClassNotFoundException | LinkageError ignored) {
                    // "enum" in a string or a deeper nesting: the key then has to be written out.
                }
            }
        }
    }

    private static void collect(Pattern p, String code, Set<String> into) {
        Matcher m = p.matcher(code);
        while (m.find()) {
            into.add(m.group(1));
        }
    }

    /**
     * Whether the code uses {@code key}: written out as a literal; or {@code prefix.X} where the
     * code calls {@code of("prefix", …)} and X is an enum constant; or where the code concatenates
     * {@code "prefix." + …} and X is an enum constant or a literal of the sources (an enum's id such
     * as {@code Section("dashboard")} or {@code RecipientTab("notsent")}, or the code of a char literal,
     * {@code "import.delimiter." + (int) c} with {@code ';'}); also with a literal suffix after the
     * value, {@code "import.kind." + k.name() + ".hint"}.
     */
    boolean uses(String key) {
        if (literals.contains(key)) {
            return true;
        }
        int dot = key.lastIndexOf('.');
        while (dot > 0) {
            String prefix = key.substring(0, dot);
            String rest = key.substring(dot + 1);
            if (ofPrefixes.contains(prefix) && enumConstants.contains(rest)) {
                return true;
            }
            if (concatPrefixes.contains(prefix + ".") && builtPart(rest)) {
                return true;
            }
            for (String suffix : suffixes) {
                if (rest.endsWith(suffix) && concatPrefixes.contains(prefix + ".")
                        && builtPart(rest.substring(0, rest.length() - suffix.length()))) {
                    return true;
                }
            }
            dot = key.lastIndexOf('.', dot - 1);
        }
        return false;
    }

    /** What code can put between a prefix and the end (or a suffix): a constant, an id, a char's code. */
    private boolean builtPart(String part) {
        return enumConstants.contains(part) || enumConstants.contains(part.toUpperCase(java.util.Locale.ROOT))
                || literals.contains(part) || charCodes.contains(part);
    }
}
