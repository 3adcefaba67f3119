package io.bouncedesk.ui.common;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.NotSentReason;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.domain.Role;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class MessagesTest {

    @Test
    void aLanguageWithoutItsOwnBundleFallsBackToEnglishNotToTheSystemLocale() {
        Locale saved = Locale.getDefault();
        try {
            // German has no bundle of its own (the five languages do): English, not the system's German
            Locale.setDefault(Locale.GERMAN);
            assertThat(Messages.of(Locale.forLanguageTag("sv")).get("nav.emails")).isEqualTo("Marketing emails");
            assertThat(Messages.of(Locale.forLanguageTag("cs")).get("nav.emails")).isNotEqualTo("Marketing emails");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void everyDomainWordTheConsoleShowsHasAText() {
        Messages m = Messages.of(Locale.ENGLISH);
        Arrays.stream(BounceCategory.values()).forEach(v -> assertThat(m.of("category", v)).doesNotContain("category."));
        Arrays.stream(NotSentReason.values()).forEach(v -> {
            assertThat(m.of("notSent", v)).isEqualTo(v.label());
            if (v != NotSentReason.PREVIOUSLY_BOUNCED) {
                assertThat(m.get("cause." + v.name())).doesNotStartWith("cause.");
            }
        });
        Arrays.stream(RecipientOutcome.values()).forEach(v -> assertThat(m.of("outcome", v)).doesNotContain("outcome."));
        Arrays.stream(Role.values()).forEach(v -> assertThat(m.of("role", v)).doesNotContain("role."));
    }

    @Test
    void formatsCountsAndQuotes() {
        Messages m = Messages.of(Locale.ENGLISH);
        assertThat(m.format("recipients.count", 1234)).isEqualTo("1,234 recipients");
        assertThat(m.format("recipients.count", 1)).isEqualTo("1 recipient");
        assertThat(m.format("table.noMatch", "zz")).isEqualTo("No recipient's address or name starts with \"zz\".");
    }
}
