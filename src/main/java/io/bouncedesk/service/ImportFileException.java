package io.bouncedesk.service;

/**
 * The file cannot be read as a CSV file at all (missing, a folder, binary, unreadable): nothing
 * was imported. Rejected rows of a readable file are not this: they are listed in the
 * {@link ImportReport}.
 */
public class ImportFileException extends RuntimeException {

    public ImportFileException(String message) {
        super(message);
    }

    public ImportFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
