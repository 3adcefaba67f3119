package io.bouncedesk.bounce;

/** A message that cannot be read as an email at all; the text says what is wrong. */
public final class MalformedBounceException extends Exception {

    public MalformedBounceException(String message) {
        super(message);
    }

    public MalformedBounceException(String message, Throwable cause) {
        super(message, cause);
    }
}
