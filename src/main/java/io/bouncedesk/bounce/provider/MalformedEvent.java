package io.bouncedesk.bounce.provider;

/**
 * An input element that could not be turned into events. {@link #message()} names its position
 * the way a person finds it in the file: "line 5: ..." for JSON lines, "event 17 (line 40): ..."
 * for elements of a JSON array.
 *
 * @param event   1-based element number in an array (or inside a line), 0 when the line is the element
 * @param line    1-based line where the element starts
 * @param problem what is wrong, without the position
 */
public record MalformedEvent(long event, long line, String problem) {

    public String position() {
        return event > 0 ? "event " + event + " (line " + line + ")" : "line " + line;
    }

    public String message() {
        return position() + ": " + problem;
    }

    @Override
    public String toString() {
        return message();
    }
}
