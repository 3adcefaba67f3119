package io.bouncedesk.service;

/** Thrown by an import's row reader for a row it refuses; cheap (no stack trace), as files can hold many. */
final class RowRejectedException extends Exception {

    RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
