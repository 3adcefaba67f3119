package io.bouncedesk.bounce.provider;

/** Thrown by a provider parser when an element cannot be read; carries only the problem text. */
final class MalformedEventException extends Exception {

    MalformedEventException(String problem) {
        // No stack trace: this is an expected outcome on bad input, and bad files can hold many.
        super(problem, null, false, false);
    }
}
