package io.bouncedesk.service;

/** A row an import refused: the physical line it starts on (the header is line 1) and why. */
public record RejectedRow(long line, String reason) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
