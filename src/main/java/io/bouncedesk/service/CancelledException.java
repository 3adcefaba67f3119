package io.bouncedesk.service;

/** The user cancelled long work; everything it had started is rolled back or removed. */
public class CancelledException extends RuntimeException {

    public CancelledException() {
        super("Cancelled");
    }
}
