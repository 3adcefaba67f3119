package io.bouncedesk.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The byte-level rows must make the very file FastCSV makes from the same cells. */
class CsvRowsTest {

    static final List<String> HEADER = List.of("a", "b", "c");
    static final char[] DELIMITERS = {',', ';', '\t'};

    static final String[] TRICKY = {
            null, "", "plain", "with space", "a,b", "a;b", "a\tb", "say \"hi\"", "\"", "\"\"", "line\nbreak",
            "cr\rhere", "crlf\r\nend", "=1+1", "+48 600", "-3", "@SUM(A1)", "\tlead", "\rlead", "'quoted'",
            "#comment", "# ", "a#b", "=\"x\",y", "-", "Wiśniewska-Żółć", "Łódź \"Przędzalnia\", S.A.", "Dvořák 😀",
            "Pivovar\nKučera s.r.o.", "日本語", "\u00a0nbsp", "\u2028sep", "nul\0byte", "trailing,",
            "\uD83D", "x\uDE00y",
    };

    @TempDir
    Path dir;

    @Test
    void trickyCellsInEveryPositionGiveTheFastCsvFile() throws Exception {
        for (char delimiter : DELIMITERS) {
            List<String[]> rows = new ArrayList<>();
            for (String a : TRICKY) {
                for (String b : new String[] {null, "=x", "#y"}) {
                    rows.add(new String[] {a, b, a});
                    rows.add(new String[] {b, a, "z"});
                }
            }
            assertSameFile(delimiter, rows);
        }
    }

    @Test
    void randomCellsGiveTheFastCsvFile() throws Exception {
        String alphabet = "ab ,;\t\"\r\n#='+-@łŻ日\u00e9\0";
        Random random = new Random(7);
        for (char delimiter : DELIMITERS) {
            List<String[]> rows = new ArrayList<>();
            for (int r = 0; r < 2_000; r++) {
                String[] cells = new String[3];
                for (int c = 0; c < 3; c++) {
                    int length = random.nextInt(6);
                    StringBuilder cell = new StringBuilder();
                    for (int i = 0; i < length; i++) {
                        int pick = random.nextInt(alphabet.length() + 1);
                        cell.append(pick == alphabet.length() ? "😀" : String.valueOf(alphabet.charAt(pick)));
                    }
                    cells[c] = random.nextInt(10) == 0 ? null : cell.toString();
                }
                rows.add(cells);
            }
            assertSameFile(delimiter, rows);
        }
    }

    /** Writes the rows through FastCSV, and as UTF-8 bytes and as Strings through CsvRows: three equal files. */
    private void assertSameFile(char delimiter, List<String[]> rows) throws Exception {
        CsvOptions options = new CsvOptions(delimiter, true);
        Path fast = dir.resolve("fast.csv");
        try (CsvExportFile file = new CsvExportFile(fast, options, HEADER)) {
            for (String[] row : rows) {
                file.row((Object[]) row);
            }
            assertThat(file.commit()).isEqualTo(rows.size());
        }
        Path bytes = dir.resolve("bytes.csv");
        Path strings = dir.resolve("strings.csv");
        for (Path out : List.of(bytes, strings)) {
            try (CsvExportFile file = new CsvExportFile(out, options, HEADER)) {
                CsvRows encoded = file.newRows(16);
                for (String[] row : rows) {
                    for (String cell : row) {
                        if (out == bytes) {
                            encoded.cell(cell == null ? null : cell.getBytes(StandardCharsets.UTF_8));
                        } else {
                            encoded.cell(cell);
                        }
                    }
                    encoded.endRow();
                    if (encoded.count() == 97) {
                        file.write(encoded);
                    }
                }
                file.write(encoded);
                assertThat(file.commit()).isEqualTo(rows.size());
            }
        }
        byte[] expected = Files.readAllBytes(fast);
        assertThat(Files.readAllBytes(bytes)).as("bytes, delimiter %s", (int) delimiter).isEqualTo(expected);
        assertThat(Files.readAllBytes(strings)).as("strings, delimiter %s", (int) delimiter).isEqualTo(expected);
    }

    @Test
    void bytesThatAreNotUtf8GetTheReplacementsAStringWouldHave() throws Exception {
        byte[][] broken = {
                {(byte) 0xC3}, {'a', (byte) 0xC3, 'b'}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xFF, '"'},
                {'=', (byte) 0x80}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {'#', (byte) 0xE9, ','},
        };
        List<String[]> rows = new ArrayList<>();
        for (byte[] b : broken) {
            // what the database driver hands over as a String for the same bytes
            rows.add(new String[] {new String(b, StandardCharsets.UTF_8), "x", null});
        }
        CsvOptions options = new CsvOptions(',', false);
        Path fast = dir.resolve("fast.csv");
        try (CsvExportFile file = new CsvExportFile(fast, options, HEADER)) {
            rows.forEach(r -> file.row((Object[]) r));
            file.commit();
        }
        Path bytes = dir.resolve("bytes.csv");
        try (CsvExportFile file = new CsvExportFile(bytes, options, HEADER)) {
            CsvRows encoded = file.newRows(16);
            for (byte[] b : broken) {
                encoded.cell(b);
                encoded.cell("x".getBytes(StandardCharsets.UTF_8));
                encoded.cell((byte[]) null);
                encoded.endRow();
            }
            file.write(encoded);
            file.commit();
        }
        assertThat(Files.readAllBytes(bytes)).isEqualTo(Files.readAllBytes(fast));
    }

    @Test
    void wellFormedMeansTheBytesSurviveDecodingAndEncoding() {
        Random random = new Random(11);
        int wellFormed = 0;
        for (int n = 0; n < 200_000; n++) {
            byte[] b = new byte[1 + random.nextInt(5)];
            for (int i = 0; i < b.length; i++) {
                // mostly lead and continuation bytes, where the edge cases are
                b[i] = (byte) (random.nextInt(4) == 0 ? random.nextInt(0x80) : 0x80 + random.nextInt(0x80));
            }
            boolean roundTrips = Arrays.equals(new String(b, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), b);
            assertThat(CsvRows.wellFormed(b)).as("%s", Arrays.toString(b)).isEqualTo(roundTrips);
            if (roundTrips) {
                wellFormed++;
            }
        }
        assertThat(wellFormed).isGreaterThan(1_000);
        assertThat(CsvRows.wellFormed("Żółć 😀 日本".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(CsvRows.wellFormed(new byte[] {(byte) 0xF4, (byte) 0x8F, (byte) 0xBF, (byte) 0xBF})).isTrue();
        assertThat(CsvRows.wellFormed(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80})).isFalse();
    }

    @Test
    void rowsMixWithFastCsvRowsInOrderAndCountTheirCells() throws Exception {
        Path out = dir.resolve("mixed.csv");
        try (CsvExportFile file = new CsvExportFile(out, new CsvOptions(';', false), HEADER)) {
            file.row("1", "one", null);
            CsvRows encoded = file.newRows(4);
            encoded.cell("2");
            encoded.cell("two");
            encoded.cell((String) null);
            encoded.endRow();
            file.write(encoded);
            assertThat(encoded.count()).isZero();
            assertThat(encoded.size()).isZero();
            file.row("3", "three", "=3");
            encoded.cell("4");
            assertThatThrownBy(encoded::endRow).hasMessageContaining("expected 3 values, got 1");
            assertThat(file.commit()).isEqualTo(3);
        }
        assertThat(Files.readString(out)).isEqualTo("a;b;c\r\n1;one;\r\n2;two;\r\n3;three;'=3\r\n");
    }
}
