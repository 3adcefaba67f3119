package io.bouncedesk.service;

import java.util.List;

/** One record of an imported file with the physical line it starts on (the header is line 1). */
public record CsvRow(long line, List<String> fields) {

    /** The trimmed cell at {@code column}, or "" when the row is shorter or the column unmapped (-1). */
    public String cell(int column) {
        if (column < 0 || column >= fields.size()) {
            return "";
        }
        return fields.get(column).strip();
    }
}
