package io.bouncedesk.ui.imports;

import io.bouncedesk.service.ColumnMapping;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The column mapping step's state: one editable column choice per contact field (-1 = not
 * imported), kept in step with an immutable {@link ColumnMapping}. A column serves one field, so
 * choosing it for a field takes it from the field that had it.
 */
public final class MappingModel {

    public static final int NONE = -1;

    private final Map<ColumnMapping.Field, ObjectProperty<Integer>> columns = new EnumMap<>(ColumnMapping.Field.class);
    private final ReadOnlyObjectWrapper<ColumnMapping> mapping = new ReadOnlyObjectWrapper<>(this, "mapping");
    private final ObservableList<Integer> choices = FXCollections.observableArrayList();
    private boolean syncing;

    MappingModel() {
        for (ColumnMapping.Field f : ColumnMapping.Field.values()) {
            ObjectProperty<Integer> p = new SimpleObjectProperty<>(this, f.id(), NONE);
            p.subscribe(c -> choose(f, c));
            columns.put(f, p);
        }
    }

    /** Starts from the mapping the header suggests. */
    void reset(ColumnMapping suggested) {
        choices.setAll(IntStream.range(NONE, suggested.header().size()).boxed().toList());
        mapping.set(suggested);
        sync();
    }

    private void choose(ColumnMapping.Field f, Integer column) {
        if (syncing || mapping.get() == null) {
            return;
        }
        mapping.set(mapping.get().with(f, column == null ? NONE : column));
        sync();
    }

    private void sync() {
        syncing = true;
        try {
            columns.forEach((f, p) -> p.set(mapping.get().column(f).orElse(NONE)));
        } finally {
            syncing = false;
        }
    }

    /** The column chosen for {@code field}: writable by the view's ComboBox. */
    public ObjectProperty<Integer> column(ColumnMapping.Field field) {
        return columns.get(field);
    }

    /** NONE and every column index of the file. */
    public ObservableList<Integer> choices() {
        return choices;
    }

    /** The header name of a column, for the ComboBox. */
    public String columnName(Integer column) {
        ColumnMapping m = mapping.get();
        return m == null || column == null || column < 0 || column >= m.header().size() ? "" : m.header().get(column);
    }

    public ReadOnlyObjectProperty<ColumnMapping> mappingProperty() {
        return mapping.getReadOnlyProperty();
    }

    /** The email column is the one field an import cannot do without. */
    public boolean complete() {
        return mapping.get() != null && mapping.get().column(ColumnMapping.Field.EMAIL).isPresent();
    }

    List<ColumnMapping.Field> fields() {
        return List.of(ColumnMapping.Field.values());
    }
}
