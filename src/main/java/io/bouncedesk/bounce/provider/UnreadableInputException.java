package io.bouncedesk.bounce.provider;

import java.io.IOException;

/** The input as a whole is not provider event data: not JSON, or JSON of the wrong shape. */
public final class UnreadableInputException extends IOException {

    public UnreadableInputException(String message) {
        super(message);
    }
}
