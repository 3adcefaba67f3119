package io.bouncedesk.ui.i18n;

import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every language has every key of the English bundle and no other, no empty text, the same
 * MessageFormat arguments, and MessageFormat-safe apostrophes. Failures name the keys per language.
 */
class BundleCompletenessTest {

    /** A single quote not doubled: in a MessageFormat pattern it starts a quoted section and eats text. */
    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

    private final Map<String, String> english = Bundles.load(null);

    @Test
    void everyLanguageHasExactlyTheEnglishKeys() {
        assertThat(english).isNotEmpty();
        Map<String, String> problems = new LinkedHashMap<>();
        for (String lang : Bundles.LANGUAGES) {
            Map<String, String> bundle = Bundles.load(lang);
            Set<String> missing = new TreeSet<>(english.keySet());
            missing.removeAll(bundle.keySet());
            Set<String> extra = new TreeSet<>(bundle.keySet());
            extra.removeAll(english.keySet());
            if (!missing.isEmpty()) {
                problems.put(lang + " misses " + missing.size(), String.join(", ", missing));
            }
            if (!extra.isEmpty()) {
                problems.put(lang + " has extra " + extra.size(), String.join(", ", extra));
            }
        }
        if (!problems.isEmpty()) {
            fail(describe(problems));
        }
    }

    @Test
    void noKeyIsDefinedTwiceInAFile() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String lang : languagesAndEnglish()) {
            Set<String> twice = Bundles.duplicates(lang);
            if (!twice.isEmpty()) {
                problems.put(name(lang), String.join(", ", twice));
            }
        }
        if (!problems.isEmpty()) {
            fail(describe(problems));
        }
    }

    @Test
    void noTextIsEmpty() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String lang : languagesAndEnglish()) {
            String empty = Bundles.load(lang).entrySet().stream().filter(e -> e.getValue().isBlank())
                    .map(Map.Entry::getKey).sorted().collect(Collectors.joining(", "));
            if (!empty.isEmpty()) {
                problems.put(name(lang), empty);
            }
        }
        if (!problems.isEmpty()) {
            fail(describe(problems));
        }
    }

    @Test
    void placeholdersMatchTheEnglish() {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String lang : Bundles.LANGUAGES) {
            String wrong = Bundles.load(lang).entrySet().stream()
                    .filter(e -> english.containsKey(e.getKey()))
                    .filter(e -> !Bundles.arguments(e.getValue()).equals(Bundles.arguments(english.get(e.getKey()))))
                    .map(e -> e.getKey() + " " + Bundles.arguments(e.getValue()) + " instead of "
                            + Bundles.arguments(english.get(e.getKey())))
                    .sorted().collect(Collectors.joining(", "));
            if (!wrong.isEmpty()) {
                problems.put(lang, wrong);
            }
        }
        if (!problems.isEmpty()) {
            fail(describe(problems));
        }
    }

    /**
     * Texts that go through Messages.format (they have arguments, or the code formats them) are
     * MessageFormat patterns: they must parse, and a quote must be doubled (l''adresse), or the
     * rest of the text would vanish. Texts only read with Messages.get keep a single quote.
     */
    @Test
    void formattedTextsAreValidPatternsWithDoubledApostrophes() {
        Set<String> formatted = new TreeSet<>(SourceScan.read().formatKeys);
        english.forEach((k, v) -> {
            if (!Bundles.arguments(v).isEmpty()) {
                formatted.add(k);
            }
        });
        Map<String, String> problems = new LinkedHashMap<>();
        for (String lang : languagesAndEnglish()) {
            List<String> wrong = Bundles.load(lang).entrySet().stream().filter(e -> formatted.contains(e.getKey()))
                    .filter(e -> LONE_QUOTE.matcher(e.getValue()).find() || !parses(e.getValue(), lang))
                    .map(Map.Entry::getKey).sorted().toList();
            List<String> doubledInPlainText = Bundles.load(lang).entrySet().stream()
                    .filter(e -> !formatted.contains(e.getKey()) && e.getValue().contains("''"))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!wrong.isEmpty()) {
                problems.put(name(lang) + " (formatted: single quote or bad pattern)", String.join(", ", wrong));
            }
            if (!doubledInPlainText.isEmpty()) {
                problems.put(name(lang) + " (read as is: doubled quote would show twice)",
                        String.join(", ", doubledInPlainText));
            }
        }
        if (!problems.isEmpty()) {
            fail(describe(problems));
        }
    }

    private static boolean parses(String pattern, String lang) {
        try {
            new MessageFormat(pattern, Bundles.locale(lang));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> languagesAndEnglish() {
        List<String> all = new java.util.ArrayList<>();
        all.add(null);
        all.addAll(Bundles.LANGUAGES);
        return all;
    }

    private static String name(String lang) {
        return lang == null ? "en" : lang;
    }

    private static String describe(Map<String, String> problems) {
        return problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("\n", "\n", "\n"));
    }
}
