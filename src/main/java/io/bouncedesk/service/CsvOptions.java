package io.bouncedesk.service;

import java.util.Locale;
import java.util.Set;

/**
 * How a CSV file is written: the field delimiter and whether a UTF-8 byte order mark leads the
 * file (spreadsheet programs need it to read UTF-8).
 */
public record CsvOptions(char delimiter, boolean bom) {

    /** Languages whose spreadsheet programs use the comma as decimal separator and expect ';'. */
    private static final Set<String> SEMICOLON_LANGUAGES = Set.of("pl", "fr", "da", "cs", "de", "nl", "it", "es");

    public CsvOptions {
        if (delimiter != ',' && delimiter != ';' && delimiter != '\t') {
            throw new IllegalArgumentException("The delimiter must be ',', ';' or a tab, not '" + delimiter + "'.");
        }
    }

    /** The default the way spreadsheet programs expect it for the UI language, with a BOM. */
    public static CsvOptions forLanguage(Locale locale) {
        return new CsvOptions(SEMICOLON_LANGUAGES.contains(locale.getLanguage()) ? ';' : ',', true);
    }
}
