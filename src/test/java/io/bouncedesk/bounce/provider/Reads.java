package io.bouncedesk.bounce.provider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helper: reads a string or a test resource and keeps everything the reader reported. */
final class Reads {

    record Result(List<ProviderEvent> events, List<MalformedEvent> malformed, ReadSummary summary) {

        ProviderEvent only() {
            if (events.size() != 1) {
                throw new AssertionError("expected one event, got " + events + " / " + malformed);
            }
            return events.get(0);
        }

        ProviderEvent withId(String eventId) {
            return events.stream().filter(e -> e.eventId().equals(eventId)).findFirst()
                    .orElseThrow(() -> new AssertionError("no event " + eventId + " in " + events));
        }

        List<String> messages() {
            return malformed.stream().map(MalformedEvent::message).toList();
        }

        List<String> ids() {
            return events.stream().map(ProviderEvent::eventId).toList();
        }
    }

    private Reads() {
    }

    static Result read(ProviderFormat format, String text) {
        return read(format, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Result resource(ProviderFormat format, String path) {
        InputStream in = Reads.class.getResourceAsStream("/provider/" + path);
        if (in == null) {
            throw new AssertionError("missing test resource " + path);
        }
        try (in) {
            return read(format, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Result read(ProviderFormat format, InputStream in) {
        List<ProviderEvent> events = new ArrayList<>();
        List<MalformedEvent> malformed = new ArrayList<>();
        try {
            ReadSummary summary = new ProviderEventReader(format).read(in, events::add, malformed::add);
            return new Result(events, malformed, summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
