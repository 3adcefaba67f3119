package io.bouncedesk.ui.i18n;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every key of the English bundle is used by the code. A key counts as used when
 * {@code src/main/java} writes it out as a string literal, or builds it: {@code Messages.of(prefix, e)}
 * looks up {@code prefix.CONSTANT}, so {@code prefix.X} is used when the code calls
 * {@code of("prefix", …)} and X is a constant of an enum of the main sources; a concatenation
 * {@code "prefix." + …} makes {@code prefix.X} used when X is an enum constant or a literal of the
 * sources (an enum's id, e.g. {@code Section.EMAILS("emails")} for {@code nav.emails}).
 * See {@link SourceScan#uses(String)}.
 */
class UnusedKeyTest {

    @Test
    void everyKeyIsUsedByTheCode() {
        SourceScan code = SourceScan.read();
        List<String> unused = Bundles.load(null).keySet().stream().filter(k -> !code.uses(k)).sorted().toList();
        if (!unused.isEmpty()) {
            fail(unused.size() + " keys of messages.properties no code uses:\n" + String.join("\n", unused));
        }
    }
}
