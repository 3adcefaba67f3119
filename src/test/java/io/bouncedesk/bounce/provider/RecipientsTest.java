package io.bouncedesk.bounce.provider;

import io.bouncedesk.domain.EmailAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The memoised normalisation must give exactly what EmailAddress.of(..).value() gives. */
class RecipientsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "jane@example.com", "Jane.Doe@EXAMPLE.COM", "  padded@example.com \t", "dot@example.com.",
            "<angle@Example.com>", " < spaced@example.com > ", "user@bücher.example", "USER@BÜCHER.EXAMPLE",
            "a\"b@c\"@example.com", "two@at@example.com", "noat", "@example.com", "trailing@", "@", "",
            "a@.", "a@..", "a@ex ample.com", "a@-bad-.com", "x@llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllll.com", "x@xn--bcher-kva.example",
            "Customer.1@Example-1.com", "a@EXAMPLE.COM.", "ü@example.com", "a@例え.jp", "a@[192.0.2.1]"})
    void sameAsEmailAddress(String raw) {
        String expected = EmailAddress.of(raw).value();
        assertThat(Recipients.normalise(raw)).isEqualTo(expected);
        assertThat(Recipients.normalise(raw)).as("memoised").isEqualTo(expected);
    }
}
