package io.bouncedesk.service;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Which column of a contacts file holds which contact field. {@link #suggest} guesses from the
 * header names in the product's languages; the import dialog (or {@code --map}) changes it with
 * {@link #with}. Immutable: every change returns a new mapping. Columns are held by position, so
 * two columns with the same name stay distinguishable.
 */
public final class ColumnMapping {

    /** The contact fields an import fills. */
    public enum Field {
        EMAIL("email", HeaderNames.EMAIL),
        FIRST_NAME("first_name", HeaderNames.FIRST_NAME),
        LAST_NAME("last_name", HeaderNames.LAST_NAME),
        COMPANY("company", HeaderNames.COMPANY);

        private final String id;
        private final Set<String> headerWords;

        Field(String id, Set<String> headerWords) {
            this.id = id;
            this.headerWords = headerWords;
        }

        /** The stable name used by the command line and reports: email, first_name, last_name, company. */
        public String id() {
            return id;
        }

        /** Accepts "email", "first_name", "first-name", "firstname", "First name". */
        public static Field fromId(String name) {
            String n = HeaderNames.normalise(name);
            for (Field f : values()) {
                if (HeaderNames.normalise(f.id).equals(n)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("Unknown field '" + name + "': use email, first_name, last_name or company.");
        }
    }

    private final List<String> header;
    private final Map<Field, Integer> columns;

    private ColumnMapping(List<String> header, Map<Field, Integer> columns) {
        this.header = List.copyOf(header);
        this.columns = Collections.unmodifiableMap(columns);
    }

    /** Nothing mapped yet. */
    public static ColumnMapping none(List<String> header) {
        return new ColumnMapping(header, new EnumMap<>(Field.class));
    }

    /** The mapping the header names suggest; a column is used for at most one field. */
    public static ColumnMapping suggest(List<String> header) {
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            int i = HeaderNames.find(header, f.headerWords);
            if (i >= 0 && !columns.containsValue(i)) {
                columns.put(f, i);
            }
        }
        if (!columns.containsKey(Field.EMAIL)) {
            int i = HeaderNames.findMentioningEmail(header);
            if (i >= 0 && !columns.containsValue(i)) {
                columns.put(Field.EMAIL, i);
            }
        }
        return new ColumnMapping(header, columns);
    }

    /** The field a header name suggests on its own, if any. */
    public static Optional<Field> suggestField(String headerName) {
        String n = HeaderNames.normalise(headerName);
        for (Field f : Field.values()) {
            if (f.headerWords.contains(n)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** Maps {@code field} to the column at {@code column} (0-based), or unmaps it with -1. */
    public ColumnMapping with(Field field, int column) {
        if (column < -1 || column >= header.size()) {
            throw new IllegalArgumentException("The file has no column " + (column + 1) + " (it has "
                    + header.size() + ").");
        }
        Map<Field, Integer> copy = new EnumMap<>(Field.class);
        copy.putAll(columns);
        copy.remove(field);
        if (column >= 0) {
            copy.values().removeIf(c -> c == column);
            copy.put(field, column);
        }
        return new ColumnMapping(header, copy);
    }

    /**
     * Maps {@code field} to the column with this name (exact, then ignoring case, accents and
     * punctuation), or to a 1-based column number; a blank name unmaps the field.
     */
    public ColumnMapping with(Field field, String column) {
        if (column == null || column.isBlank()) {
            return with(field, -1);
        }
        String wanted = column.strip();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equals(wanted)) {
                return with(field, i);
            }
        }
        String n = HeaderNames.normalise(wanted);
        for (int i = 0; i < header.size(); i++) {
            if (!n.isEmpty() && HeaderNames.normalise(header.get(i)).equals(n)) {
                return with(field, i);
            }
        }
        if (wanted.matches("\\d{1,4}") && Integer.parseInt(wanted) > 0) {
            return with(field, Integer.parseInt(wanted) - 1);
        }
        throw new IllegalArgumentException("The file has no column '" + column + "' (columns: "
                + String.join(", ", header) + ").");
    }

    public OptionalInt column(Field field) {
        Integer c = columns.get(field);
        return c == null ? OptionalInt.empty() : OptionalInt.of(c);
    }

    public Optional<String> columnName(Field field) {
        Integer c = columns.get(field);
        return c == null ? Optional.empty() : Optional.of(header.get(c));
    }

    public List<String> header() {
        return header;
    }

    /** field id -> column name, for reports and the audit log. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            columnName(f).ifPresent(name -> m.put(f.id(), name));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColumnMapping other && header.equals(other.header) && columns.equals(other.columns);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + columns.hashCode();
    }

    @Override
    public String toString() {
        return describe().toString();
    }
}
