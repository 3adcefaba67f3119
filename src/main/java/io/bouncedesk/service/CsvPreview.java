package io.bouncedesk.service;

import java.nio.charset.Charset;
import java.util.List;

/**
 * What the import dialog shows before importing: the detected encoding and delimiter, the
 * header, the first rows and the mapping the header names suggest.
 */
public record CsvPreview(String fileName, Charset encoding, char delimiter, List<String> header,
                         List<CsvRow> firstRows, long estimatedRows) {

    public ColumnMapping suggestedMapping() {
        return ColumnMapping.suggest(header);
    }
}
