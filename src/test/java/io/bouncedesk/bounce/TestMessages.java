package io.bouncedesk.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Test helper: the small bounce messages in src/test/resources/bounce/ and line-ending variants. */
final class TestMessages {

    private static final BounceMessageParser PARSER = new BounceMessageParser();

    private TestMessages() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/bounce/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /bounce/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path path(String name) {
        try {
            return Path.of(TestMessages.class.getResource("/bounce/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ParsedBounce> parse(String name) throws MalformedBounceException {
        return PARSER.parse(bytes(name));
    }

    static ParsedBounce only(String name) throws MalformedBounceException {
        List<ParsedBounce> all = parse(name);
        if (all.size() != 1) {
            throw new AssertionError("expected one recipient in " + name + ", got " + all);
        }
        return all.get(0);
    }

    /** The same bytes with every line ending replaced (LF, CRLF and CR-only input are all accepted). */
    static byte[] withLineEndings(byte[] data, String eol) {
        String latin1 = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\r\n", "\n").replace('\r', '\n').replace("\n", eol);
        return latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }
}
