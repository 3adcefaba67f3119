package io.bouncedesk.ui.bounces;

import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Messages;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OriginalMessageViewModelTest {

    static final String DSN = String.join("\r\n",
            "Received: from mx.example.org",
            "\tby mail.example.eu; Tue, 10 Mar 2026 10:05:00 +0000",
            "From: MAILER-DAEMON@mx.example.org (Mail Delivery System)",
            "Subject: Undelivered Mail Returned to Sender",
            "Content-Type: multipart/report; report-type=delivery-status;",
            " boundary=\"XYZ\"",
            "",
            "--XYZ",
            "Status: 5.1.1",
            "Zürich: not a header once the body began",
            "");

    private final Messages m = Messages.of(Locale.ENGLISH);

    @Test
    void headersAreUnfoldedAndTheBodyIsTheRest() {
        OriginalMessage msg = OriginalMessage.parse(DSN.getBytes(StandardCharsets.UTF_8));
        assertThat(msg.headers()).extracting(OriginalMessage.Header::name)
                .containsExactly("Received", "From", "Subject", "Content-Type");
        assertThat(msg.header("received")).isEqualTo("from mx.example.org by mail.example.eu; Tue, 10 Mar 2026 10:05:00 +0000");
        assertThat(msg.header("Content-Type")).endsWith("report-type=delivery-status; boundary=\"XYZ\"");
        assertThat(msg.body()).startsWith("--XYZ\n").contains("Status: 5.1.1", "Zürich");
    }

    @Test
    void latin1AndBareLineEndingsAreReadToo() {
        byte[] raw = "Subject: caf\u00e9\n\nbody".getBytes(StandardCharsets.ISO_8859_1);
        OriginalMessage msg = OriginalMessage.parse(raw);
        assertThat(msg.header("Subject")).isEqualTo("café");
        assertThat(msg.body()).isEqualTo("body");
        assertThat(OriginalMessage.parse("no headers at all".getBytes()).headers()).isEmpty();
    }

    @Test
    void theViewModelShowsTheMessageOrSaysNoneWasKept() {
        OriginalMessageViewModel vm = new OriginalMessageViewModel(5,
                id -> id == 5 ? Optional.of(DSN.getBytes(StandardCharsets.UTF_8)) : Optional.empty(),
                BackgroundTasks.sameThread(), m);
        vm.load();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.headers()).hasSize(4);
        assertThat(vm.bodyProperty().get()).contains("Status: 5.1.1");
        assertThat(vm.statusProperty().get()).startsWith("4 headers");
        assertThat(vm.rawText()).contains("MAILER-DAEMON");

        OriginalMessageViewModel none = new OriginalMessageViewModel(6, id -> Optional.empty(),
                BackgroundTasks.sameThread(), m);
        none.load();
        assertThat(none.loadedProperty().get()).isFalse();
        assertThat(none.headers()).isEmpty();
        assertThat(none.statusProperty().get()).startsWith("No original message was kept");
    }
}
