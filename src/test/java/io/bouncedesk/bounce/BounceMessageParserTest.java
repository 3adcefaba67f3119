package io.bouncedesk.bounce;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.TrackingIds;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.bouncedesk.bounce.TestMessages.bytes;
import static io.bouncedesk.bounce.TestMessages.only;
import static io.bouncedesk.bounce.TestMessages.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BounceMessageParserTest {

    private static final List<String> MESSAGES = List.of("postfix-two-recipients.eml", "qmail-plain.eml",
            "arf-abuse.eml", "auto-reply.eml", "crlf-exim.eml", "base64-dsn.eml", "iso-2022-jp-bounce.eml",
            "windows-1250-bounce.eml", "human-reply.eml", "tracking-verp.eml", "success-and-delay.eml");

    private final BounceMessageParser parser = new BounceMessageParser();

    @Test
    void postfixDeliveryStatusNotificationWithTwoRecipients() throws Exception {
        List<ParsedBounce> r = parse("postfix-two-recipients.eml");

        assertThat(r).hasSize(2);
        ParsedBounce alice = r.get(0);
        assertThat(alice.recipient()).isEqualTo("alice@example.org");
        assertThat(alice.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(alice.type()).isEqualTo(BounceType.HARD);
        assertThat(alice.category()).isEqualTo(BounceReason.USERUNKNOWN.category());
        assertThat(alice.enhancedStatus()).isEqualTo("5.1.1");
        assertThat(alice.replyCode()).isEqualTo("550");
        assertThat(alice.remoteMta()).isEqualTo("mail.example.org");
        assertThat(alice.diagnostic()).contains("User unknown in virtual mailbox table").doesNotContain("\n");
        assertThat(alice.originalMessageId()).isEqualTo("<may-offers-0001@shop.example.com>");
        assertThat(alice.date()).isEqualTo(Instant.parse("2024-05-14T07:12:40Z"));
        assertThat(alice.feedbackType()).isNull();

        ParsedBounce bob = r.get(1);
        assertThat(bob.recipient()).isEqualTo("Bob.Smith@example.org"); // local part kept, domain lower-cased
        assertThat(bob.reason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(bob.type()).isEqualTo(BounceType.SOFT);
        assertThat(bob.enhancedStatus()).isEqualTo("4.2.2");
        assertThat(bob.replyCode()).isEqualTo("452");
    }

    @Test
    void qmailPlainTextBounce() throws Exception {
        ParsedBounce b = only("qmail-plain.eml");

        assertThat(b.recipient()).isEqualTo("nobody@example.net");
        assertThat(b.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(b.hard()).isTrue();
        assertThat(b.enhancedStatus()).isEqualTo("5.1.1");
        assertThat(b.diagnostic()).contains("no mailbox here by that name");
        assertThat(b.originalMessageId()).isEqualTo("<feb-offers-0042@shop.example.com>");
    }

    @Test
    void arfSpamComplaint() throws Exception {
        ParsedBounce b = only("arf-abuse.eml");

        assertThat(b.recipient()).isEqualTo("carol@isp.example.net");
        assertThat(b.reason()).isEqualTo(BounceReason.FEEDBACK);
        assertThat(b.category()).isEqualTo(BounceCategory.OTHER);
        assertThat(b.feedbackType()).isEqualTo("abuse");
        assertThat(b.type()).isEqualTo(BounceType.SOFT);
        assertThat(b.trackingToken()).isEqualTo("e7.r1001");
        assertThat(b.originalMessageId()).isEqualTo("<april-offers-0007@shop.example.com>");
    }

    @Test
    void autoReplyIsAVacationOfItsSender() throws Exception {
        ParsedBounce b = only("auto-reply.eml");

        assertThat(b.recipient()).isEqualTo("dave@example.com");
        assertThat(b.reason()).isEqualTo(BounceReason.VACATION);
        assertThat(b.type()).isEqualTo(BounceType.SOFT);
    }

    @Test
    void crlfEximBounce() throws Exception {
        assertThat(new String(bytes("crlf-exim.eml"), StandardCharsets.ISO_8859_1)).contains("\r\n");
        ParsedBounce b = only("crlf-exim.eml");

        assertThat(b.recipient()).isEqualTo("frank@example.co.uk");
        assertThat(b.reason()).isEqualTo(BounceReason.BLOCKED);
        assertThat(b.type()).isEqualTo(BounceType.SOFT);
        assertThat(b.enhancedStatus()).isEqualTo("5.7.1");
        assertThat(b.replyCode()).isEqualTo("550");
        assertThat(b.diagnostic()).contains("blocked using zen.spamhaus.org").doesNotContain("\r");
    }

    @Test
    void lineEndingsDoNotChangeTheAnswer() throws Exception {
        for (String name : MESSAGES) {
            List<ParsedBounce> lf = parser.parse(TestMessages.withLineEndings(bytes(name), "\n"));
            assertThat(parser.parse(TestMessages.withLineEndings(bytes(name), "\r\n"))).as(name + " CRLF").isEqualTo(lf);
            assertThat(parser.parse(TestMessages.withLineEndings(bytes(name), "\r"))).as(name + " CR").isEqualTo(lf);
        }
    }

    @Test
    void base64EncodedReportParts() throws Exception {
        ParsedBounce b = only("base64-dsn.eml");

        assertThat(b.recipient()).isEqualTo("grace@example.info");
        assertThat(b.reason()).isEqualTo(BounceReason.MESGTOOBIG);
        assertThat(b.enhancedStatus()).isEqualTo("5.3.4");
        assertThat(b.replyCode()).isEqualTo("552");
        assertThat(b.remoteMta()).isEqualTo("mx.example.info");
        assertThat(b.diagnostic()).contains("Message size exceeds fixed maximum message size");
    }

    @Test
    void iso2022jpBodyIsDecoded() throws Exception {
        ParsedBounce b = only("iso-2022-jp-bounce.eml");

        assertThat(b.recipient()).isEqualTo("hanako@example.jp");
        assertThat(b.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(b.hard()).isTrue();
        assertThat(b.diagnostic()).contains("宛先のメールボックスは存在しません");
    }

    @Test
    void windows1250QuotedPrintableBodyIsDecoded() throws Exception {
        ParsedBounce b = only("windows-1250-bounce.eml");

        assertThat(b.recipient()).isEqualTo("jiri.novak@example.cz");
        assertThat(b.reason()).isEqualTo(BounceReason.MAILBOXFULL);
        assertThat(b.enhancedStatus()).isEqualTo("5.2.2");
        assertThat(b.diagnostic()).contains("Poštovní schránka příjemce je plná");
    }

    @Test
    void encodedWordsInHeadersAreDecoded() {
        assertThat(MailText.decodeWords("=?ISO-2022-JP?B?GyRCR1s/LiUoJWkhPCROJCpDTiRpJDsbKEI=?="))
                .isEqualTo("配信エラーのお知らせ");
        assertThat(MailText.decodeWords("=?windows-1250?Q?Nedoru=E8iteln=E1_zpr=E1va?=")).isEqualTo("Nedoručitelná zpráva");
        assertThat(MailText.decodeWords("=?utf-8?q?caf=C3=A9?= =?utf-8?q?_ok?=")).isEqualTo("café ok");
    }

    @Test
    void brokenMessagesSayWhatIsWrong() {
        assertThatThrownBy(() -> parse("broken-no-headers.eml"))
                .isInstanceOf(MalformedBounceException.class)
                .hasMessageContaining("no header block")
                .hasMessageContaining("This is not an email message at all.");
        assertThatThrownBy(() -> parser.parse(new byte[0]))
                .isInstanceOf(MalformedBounceException.class).hasMessageContaining("empty message");
        assertThatThrownBy(() -> parser.parse(" \r\n\r\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(MalformedBounceException.class).hasMessageContaining("white space only");
        byte[] binary = new byte[2048];
        new Random(1).nextBytes(binary);
        for (int i = 0; i < binary.length; i += 7) {
            binary[i] = 0;
        }
        assertThatThrownBy(() -> parser.parse(binary))
                .isInstanceOf(MalformedBounceException.class).hasMessageContaining("not a text message");
    }

    @Test
    void aPersonsReplyIsNoBounce() throws Exception {
        assertThat(parse("human-reply.eml")).isEmpty();
    }

    @Test
    void trackingHeaderAndVerpAddress() throws Exception {
        ParsedBounce b = only("tracking-verp.eml");

        assertThat(b.recipient()).isEqualTo("ivan@example.com");
        assertThat(b.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(b.trackingToken()).isEqualTo("e12.r34");
        assertThat(TrackingIds.fromToken(b.trackingToken())).contains(new TrackingIds.Ref(12, 34));
        assertThat(b.verpAddress()).isEqualTo("bounce-e12.r34@bounces.shop.example.com");
        assertThat(TrackingIds.fromVerp(b.verpAddress())).contains(new TrackingIds.Ref(12, 34));
        assertThat(b.originalMessageId()).isEqualTo("<bd.e12.r34@shop.example.com>");
        assertThat(b.date()).isEqualTo(Instant.parse("2024-07-06T21:15:00Z"));
    }

    @Test
    void successAndDelayNotifications() throws Exception {
        List<ParsedBounce> r = parse("success-and-delay.eml");

        assertThat(r).extracting(ParsedBounce::recipient).containsExactly("judy@example.net", "ken@slow.example.net");
        assertThat(r.get(0).reason()).isEqualTo(BounceReason.DELIVERED);
        assertThat(r.get(1).reason()).isEqualTo(BounceReason.EXPIRED);
        assertThat(r.get(1).type()).isEqualTo(BounceType.SOFT);
        assertThat(r.get(1).enhancedStatus()).isEqualTo("4.4.7");
    }

    @Test
    void recipientsAreNormalisedLikeEmailAddress() throws Exception {
        for (String name : MESSAGES) {
            for (ParsedBounce b : parse(name)) {
                assertThat(b.recipient()).as(name).isEqualTo(EmailAddress.of(b.recipient()).value());
            }
        }
        for (String raw : new String[]{" <Ann@EXAMPLE.com.> ", "x@Sub.Example.ORG", "\"a b\"@Example.com", "ann@",
            "ann@ex..com", "ann@bücher.example"}) {
            assertThat(BounceMessageParser.normalised(raw)).as(raw).isEqualTo(EmailAddress.of(raw).value());
        }
    }

    @Test
    void damagedMessagesFailCleanlyOrParse() {
        Random random = new Random(42);
        for (String name : MESSAGES) {
            byte[] original = bytes(name);
            for (int round = 0; round < 40; round++) {
                byte[] damaged = java.util.Arrays.copyOf(original, 1 + random.nextInt(original.length));
                for (int k = 0; k < round % 5; k++) {
                    damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
                }
                try {
                    parser.parse(damaged);
                } catch (MalformedBounceException e) {
                    assertThat(e.getMessage()).as(name).isNotBlank();
                }
            }
        }
    }

    @Test
    void aHugeReportKeepsABoundedDiagnostic() throws Exception {
        StringBuilder sb = new StringBuilder("From: MAILER-DAEMON@mx.example.net\nSubject: Undelivered Mail\n\n<lee@example.com>:\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("550 5.1.1 line ").append(i).append(" of a long error text\n");
        }
        ParsedBounce b = parser.parse(sb.toString().getBytes(StandardCharsets.US_ASCII)).get(0);

        assertThat(b.recipient()).isEqualTo("lee@example.com");
        assertThat(b.reason()).isEqualTo(BounceReason.USERUNKNOWN);
        assertThat(b.diagnostic().length()).isLessThan(RecipientFact.MAX_TEXT + 200);
    }

    @Test
    void oneParserServesManyThreads() throws Exception {
        List<List<ParsedBounce>> expected = new ArrayList<>();
        for (String name : MESSAGES) {
            expected.add(parse(name));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 50; round++) {
                        for (int i = 0; i < MESSAGES.size(); i++) {
                            if (!parser.parse(bytes(MESSAGES.get(i))).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : runs) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdown();
        }
    }
}
