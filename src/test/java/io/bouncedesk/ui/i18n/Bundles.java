package io.bouncedesk.ui.i18n;

import io.bouncedesk.ui.common.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's bundle files read one by one (not through ResourceBundle, which would hide a
 * translation's missing key behind the English one), in UTF-8 as Java 9+ reads them.
 */
final class Bundles {

    /** The languages the console offers besides English (the base bundle). */
    static final List<String> LANGUAGES = List.of("pl", "fr", "da", "cs");

    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*(\\d+)");
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*([^#!\\s=:][^\\s=:]*)\\s*[=:]");

    private Bundles() {
    }

    static String resource(String language) {
        return "/" + Messages.BUNDLE.replace('.', '/') + (language == null ? "" : "_" + language) + ".properties";
    }

    /** The keys and values of one file, in file order; {@code null} for English. */
    static Map<String, String> load(String language) {
        Properties p = new Properties();
        try (InputStream in = Bundles.class.getResourceAsStream(resource(language))) {
            if (in == null) {
                return Map.of();
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String key : keysInFileOrder(language)) {
            ordered.put(key, p.getProperty(key));
        }
        p.stringPropertyNames().forEach(k -> ordered.putIfAbsent(k, p.getProperty(k)));
        return ordered;
    }

    /** Every key line of the file, duplicates included (a second definition silently wins). */
    static List<String> keysInFileOrder(String language) {
        List<String> keys = new ArrayList<>();
        try (InputStream in = Bundles.class.getResourceAsStream(resource(language))) {
            if (in == null) {
                return keys;
            }
            boolean continued = false;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                if (!continued) {
                    Matcher m = KEY_LINE.matcher(line);
                    if (m.find()) {
                        keys.add(m.group(1));
                    }
                }
                continued = endsWithOddBackslashes(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static boolean endsWithOddBackslashes(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            n++;
        }
        return n % 2 == 1;
    }

    static Set<String> duplicates(String language) {
        Set<String> seen = new LinkedHashSet<>();
        Set<String> twice = new TreeSet<>();
        for (String k : keysInFileOrder(language)) {
            if (!seen.add(k)) {
                twice.add(k);
            }
        }
        return twice;
    }

    /** The argument numbers a MessageFormat pattern uses: "{0} of {1,number}" gives [0, 1]. */
    static Set<Integer> arguments(String pattern) {
        Set<Integer> args = new TreeSet<>();
        Matcher m = ARGUMENT.matcher(pattern);
        while (m.find()) {
            args.add(Integer.parseInt(m.group(1)));
        }
        return args;
    }

    static Locale locale(String language) {
        return language == null ? Locale.ENGLISH : Locale.forLanguageTag(language);
    }
}
