package io.bouncedesk.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Encoding and delimiter detection, line numbers, and files that are no CSV at all. */
class CsvSourceTest {

    static final Charset CP1250 = Charset.forName("windows-1250");
    static final Charset CP1252 = Charset.forName("windows-1252");

    static final String POLISH = "Imię;Nazwisko;Adres e-mail;Firma\r\n"
            + "Łukasz;Wiśniewski;lukasz@example.pl;Zakład Łódź\r\n"
            + "Paweł;Żółć;pawel@example.pl;Przędzalnia\r\n";
    static final String CZECH = "Jméno;Příjmení;E-mail;Společnost\r\n"
            + "Jiří;Dvořák;jiri@example.cz;Pivovar Kučera\r\n"
            + "Růžena;Šťastná;ruzena@example.cz;Železárny\r\n";
    static final String FRENCH = "Prénom;Nom;Courriel;Société\r\n"
            + "Hélène;Lefèvre;helene@example.fr;Crème Brûlée SARL\r\n"
            + "François;Noël;francois@example.fr;Garçon & Fils\r\n";
    static final String DANISH = "Fornavn,Efternavn,E-mailadresse,Virksomhed\r\n"
            + "Søren,Jørgensen,soren@example.dk,Blåbær ApS\r\n"
            + "Åse,Ærø,ase@example.dk,Smørrebrød A/S\r\n";

    @TempDir
    Path dir;

    Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    Path write(String name, String text, Charset charset) throws IOException {
        return write(name, text.getBytes(charset));
    }

    static List<CsvRow> rows(CsvSource source) {
        List<CsvRow> rows = new ArrayList<>();
        CsvRow r;
        while ((r = source.next()) != null) {
            rows.add(r);
        }
        return rows;
    }

    void assertReads(Path file, Charset expected, String text) {
        try (CsvSource source = CsvSource.open(file, CsvReadOptions.DETECT)) {
            assertThat(source.encoding()).isEqualTo(expected);
            List<String> lines = text.lines().toList();
            assertThat(String.join(String.valueOf(source.delimiter()), source.header())).isEqualTo(lines.get(0));
            List<CsvRow> rows = rows(source);
            assertThat(rows).hasSize(lines.size() - 1);
            for (int i = 0; i < rows.size(); i++) {
                assertThat(String.join(String.valueOf(source.delimiter()), rows.get(i).fields())).isEqualTo(lines.get(i + 1));
                assertThat(rows.get(i).line()).isEqualTo(i + 2);
            }
        }
    }

    @Test
    void utf8WithAndWithoutByteOrderMark() throws IOException {
        String text = POLISH + "Søren;Dvořák;s@example.dk;Crème\r\n";
        assertReads(write("plain.csv", text, StandardCharsets.UTF_8), StandardCharsets.UTF_8, text);
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path bom = write("bom.csv", withBom);
        assertReads(bom, StandardCharsets.UTF_8, text);
        try (CsvSource source = CsvSource.open(bom, CsvReadOptions.DETECT)) {
            assertThat(source.header().get(0)).isEqualTo("Imię");
        }
    }

    @Test
    void utf16WithByteOrderMarkAsSpreadsheetsSaveUnicodeText() throws IOException {
        String text = "E-mail\tImię\r\nlukasz@example.pl\tŁukasz\r\n";
        byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        try (CsvSource source = CsvSource.open(write("unicode.txt", bytes), CsvReadOptions.DETECT)) {
            assertThat(source.encoding()).isEqualTo(StandardCharsets.UTF_16LE);
            assertThat(source.delimiter()).isEqualTo('\t');
            assertThat(source.header()).containsExactly("E-mail", "Imię");
            assertThat(rows(source).get(0).fields()).containsExactly("lukasz@example.pl", "Łukasz");
        }
    }

    @Test
    void windows1250ForPolishAndCzech() throws IOException {
        assertReads(write("pl.csv", POLISH, CP1250), CP1250, POLISH);
        assertReads(write("cs.csv", CZECH, CP1250), CP1250, CZECH);
    }

    @Test
    void smallFilesWithoutDecisiveLettersStillReadRight() throws IOException {
        String text = "Adres e-mail;Imię;Nazwisko\r\nanna@example.pl;Anna;Wiśniewska\r\n";
        assertReads(write("small-pl.csv", text, CP1250), CP1250, text);
        String danish = "email;name\r\nase@example.dk;Åse\r\n";
        assertReads(write("small-da.csv", danish, CP1252), CP1252, danish);
        String french = "email;name\r\nh@example.fr;Hélène Lefèvre\r\n";
        assertReads(write("small-fr.csv", french, CP1252), CP1252, french);
        String czech = "email;name\r\no@example.cz;Ondřej Kučera\r\n";
        assertReads(write("small-cs.csv", czech, CP1250), CP1250, czech);
        String spanish = "email;name\r\np@example.es;Begoña Peña Muñoz\r\n";
        assertReads(write("small-es.csv", spanish, CP1252), CP1252, spanish);
        String whereabouts = "email;note\r\nw@example.fr;Où est le café\r\n";
        assertReads(write("small-ou.csv", whereabouts, CP1252), CP1252, whereabouts);
    }

    @Test
    void windows1252ForFrenchAndDanish() throws IOException {
        assertReads(write("fr.csv", FRENCH, CP1252), CP1252, FRENCH);
        assertReads(write("da.csv", DANISH, CP1252), CP1252, DANISH);
    }

    @Test
    void theWholeFileIsCheckedNotOnlyItsStart() throws IOException {
        StringBuilder text = new StringBuilder("email;first_name;last_name\r\n");
        for (int i = 0; i < 20_000; i++) {
            text.append("person").append(i).append("@example.org;Anna;Nowak\r\n");
        }
        text.append("late@example.org;Paweł;Łoś\r\n");
        Path file = write("late.csv", text.toString(), CP1250);
        try (CsvSource source = CsvSource.open(file, CsvReadOptions.DETECT)) {
            assertThat(source.encoding()).isEqualTo(CP1250);
            assertThat(source.estimatedRows()).isEqualTo(20_001);
            List<CsvRow> rows = rows(source);
            assertThat(rows.get(rows.size() - 1).fields()).containsExactly("late@example.org", "Paweł", "Łoś");
        }
    }

    @Test
    void theEncodingCanBeForced() throws IOException {
        Path file = write("forced.csv", FRENCH, CP1252);
        try (CsvSource source = CsvSource.open(file, new CsvReadOptions(CP1250, null))) {
            assertThat(source.encoding()).isEqualTo(CP1250);
            assertThat(rows(source).get(0).fields().get(0)).isEqualTo("Hélčne");
        }
    }

    @Test
    void detectsCommaSemicolonAndTab() throws IOException {
        Path comma = write("comma.csv", "email,first_name,company\na@example.org,Anna,\"Nowak; Syn\"\n", StandardCharsets.UTF_8);
        Path semicolon = write("semi.csv", "email;name;company\na@example.org;Anna, Maria;Acme, Inc.\n", StandardCharsets.UTF_8);
        Path tab = write("tab.tsv", "email\tfirst name\tcompany\na@example.org\tAnna\tAcme, Inc; Ltd\n", StandardCharsets.UTF_8);
        Path single = write("single.csv", "email\na@example.org\n", StandardCharsets.UTF_8);
        for (var c : List.of(List.of(comma, ','), List.of(semicolon, ';'), List.of(tab, '\t'), List.of(single, ','))) {
            try (CsvSource source = CsvSource.open((Path) c.get(0), CsvReadOptions.DETECT)) {
                assertThat(source.delimiter()).as(c.get(0).toString()).isEqualTo(c.get(1));
                assertThat(rows(source).get(0).fields().get(0)).isEqualTo("a@example.org");
            }
        }
    }

    @Test
    void lineNumbersArePhysicalLinesAlsoAfterMultiLineFieldsAndBlankLines() throws IOException {
        String text = "email,first_name,company\r\n"
                + "a@example.org,Anna,\"Zakład\r\nŁódź\"\r\n"
                + "\r\n"
                + "b@example.org,Bob,\"one\ntwo\nthree\"\n"
                + "c@example.org,Cyril,Acme\n";
        try (CsvSource source = CsvSource.open(write("multi.csv", text, StandardCharsets.UTF_8), CsvReadOptions.DETECT)) {
            List<CsvRow> rows = rows(source);
            assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 5L, 8L);
            assertThat(rows.get(0).cell(2)).isEqualTo("Zakład\r\nŁódź");
            assertThat(rows.get(2).cell(7)).isEmpty();
        }
    }

    @Test
    void previewShowsFormatHeaderAndFirstRows() throws IOException {
        CsvPreview p = CsvSource.preview(write("p.csv", CZECH, CP1250), CsvReadOptions.DETECT, 1);
        assertThat(p.encoding()).isEqualTo(CP1250);
        assertThat(p.delimiter()).isEqualTo(';');
        assertThat(p.header()).containsExactly("Jméno", "Příjmení", "E-mail", "Společnost");
        assertThat(p.firstRows()).hasSize(1);
        assertThat(p.suggestedMapping().describe()).containsEntry("email", "E-mail").containsEntry("last_name", "Příjmení");
    }

    @Test
    void filesThatAreNoCsvAreRefusedWithAClearMessage() throws IOException {
        assertThatThrownBy(() -> CsvSource.open(dir.resolve("missing.csv"), CsvReadOptions.DETECT))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("File not found");
        assertThatThrownBy(() -> CsvSource.open(dir, CsvReadOptions.DETECT))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("is a folder");
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        assertThatThrownBy(() -> CsvSource.open(write("garbage.csv", garbage), CsvReadOptions.DETECT))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("binary");
        byte[] small = new byte[64];
        new Random(3).nextBytes(small);
        small[10] = 1;
        assertThatThrownBy(() -> CsvSource.open(write("small.bin", small), CsvReadOptions.DETECT))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("binary");
        assertThatThrownBy(() -> CsvSource.open(write("book.xlsx", new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0}), CsvReadOptions.DETECT))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("Save it as CSV");
        assertThatThrownBy(() -> CsvSource.open(write("empty.csv", new byte[0]), CsvReadOptions.DETECT))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> CsvSource.open(write("blank.csv", "\r\n\r\n", StandardCharsets.UTF_8), CsvReadOptions.DETECT))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("empty");
    }

    @Test
    void theLegacyScoresFavourTheRightGroup() {
        LegacyEncodingGuess pl = new LegacyEncodingGuess();
        byte[] polish = POLISH.getBytes(CP1250);
        pl.feed(polish, 0, polish.length);
        assertThat(pl.guess()).isEqualTo(CP1250);
        assertThat(pl.centralScore()).isGreaterThan(pl.westernScore());

        LegacyEncodingGuess tie = new LegacyEncodingGuess();
        byte[] soren = "Søren Jørgensen".getBytes(CP1252);
        tie.feed(soren, 0, soren.length);
        assertThat(tie.centralScore()).isEqualTo(tie.westernScore());
        assertThat(tie.guess()).as("a tie goes to Windows-1252").isEqualTo(CP1252);
    }
}
