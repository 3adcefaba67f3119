package io.bouncedesk.service;

import java.nio.charset.Charset;

/**
 * How to read an imported CSV file: a null encoding or delimiter means "detect it" (see
 * {@link CsvSource}). The import dialog and {@code --encoding}/{@code --delimiter} override
 * what detection chose.
 */
public record CsvReadOptions(Charset encoding, Character delimiter) {

    public static final CsvReadOptions DETECT = new CsvReadOptions(null, null);

    public CsvReadOptions {
        if (delimiter != null && delimiter != ',' && delimiter != ';' && delimiter != '\t') {
            throw new IllegalArgumentException("The delimiter must be ',', ';' or a tab, not '" + delimiter + "'.");
        }
    }
}
