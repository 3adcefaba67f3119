package io.bouncedesk.service;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.List;

/**
 * Chooses between Windows-1250 (Central European) and Windows-1252 (Western) for a file that is
 * not UTF-8. The two code pages share ASCII and many accented letters but differ on bytes such
 * as 0xB3 (ł / ³), 0xF8 (ř / ø), 0xE8 (č / è), 0xEA (ę / ê) and 0xF1 (ń / ñ).
 *
 * <p>The file is read as words (runs of ASCII letters and bytes that are a letter in either code
 * page). Each word with a non-ASCII byte is decoded both ways and scored against the languages of
 * each group (Polish, Czech, Slovak, Hungarian for 1250; French, German, Danish/Norwegian,
 * Swedish/Finnish, Spanish, Portuguese, Italian, Dutch for 1252), keeping its best language:
 * <ul>
 *   <li>+2 the language has all of the word's non-ASCII letters, placed as it places them;</li>
 *   <li>+1 the same, but through a letter that is rare there or rarely placed so (French ê, œ,
 *       Slovak ĺ, Danish ø before a vowel, ...): "Imię" beats "Imiê", "Åse" beats "Ĺse",
 *       "Ondřej" beats "Ondøej". French ê counts as rare because its byte is Polish ę, five
 *       times as frequent ("Przedsiębiorstwo");</li>
 *   <li>-2 no language fits: letters no single language mixes ("Dvoøák", "Blĺbćr") or letters
 *       where the language never puts them (Polish ń, ś, ć, ź and Western è never stand before a
 *       vowel, Spanish ñ and French œ always do, Czech ů never follows a vowel, French ê and ç
 *       never end a word: "Muńoz" is not Polish, "oů" not Czech, "Wiœniewska" and "Kuèera" not
 *       French);</li>
 *   <li>-4 a byte reads as a symbol ("Pawe³", "£ukasz", "Za¿ó³æ").</li>
 * </ul>
 * The higher total wins. A tie (only words like "Søren" / "Sřren" or "Hélène" / "Hélčne" that read
 * well both ways) goes to Windows-1252, the more common legacy code page.
 */
final class LegacyEncodingGuess {

    static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * A language's non-ASCII letters, the rare ones, and where some of them never (or rarely)
     * stand: before a vowel, after one, at the end of a word.
     */
    private record Language(String letters, String rare, String neverBeforeVowel, String onlyBeforeVowel,
                            String rarelyBeforeVowel, String neverAfterVowel, String neverAtEnd) {

        static Language of(String letters) {
            return new Language(letters, "", "", "", "", "", "");
        }

        Language rare(String s) {
            return new Language(letters, s, neverBeforeVowel, onlyBeforeVowel, rarelyBeforeVowel, neverAfterVowel, neverAtEnd);
        }

        Language neverBeforeVowel(String s) {
            return new Language(letters, rare, s, onlyBeforeVowel, rarelyBeforeVowel, neverAfterVowel, neverAtEnd);
        }

        Language onlyBeforeVowel(String s) {
            return new Language(letters, rare, neverBeforeVowel, s, rarelyBeforeVowel, neverAfterVowel, neverAtEnd);
        }

        Language rarelyBeforeVowel(String s) {
            return new Language(letters, rare, neverBeforeVowel, onlyBeforeVowel, s, neverAfterVowel, neverAtEnd);
        }

        Language neverAfterVowel(String s) {
            return new Language(letters, rare, neverBeforeVowel, onlyBeforeVowel, rarelyBeforeVowel, s, neverAtEnd);
        }

        Language neverAtEnd(String s) {
            return new Language(letters, rare, neverBeforeVowel, onlyBeforeVowel, rarelyBeforeVowel, neverAfterVowel, s);
        }
    }

    private static final List<Language> CENTRAL = List.of(
            Language.of("ąćęłńóśźż").neverBeforeVowel("ńśćź"),                           // Polish
            Language.of("áčďéěíňóřšťúůýž").rare("ď").neverAfterVowel("ů"),               // Czech
            Language.of("áäčďéíĺľňóôŕšťúýž").rare("ĺŕäďň"),                              // Slovak
            Language.of("áéíóöőúüű").rare("ű"));                                         // Hungarian
    private static final List<Language> WESTERN = List.of(
            Language.of("àâæçéèêëîïôœùûüÿ").rare("æœÿïûê").neverBeforeVowel("è")       // French
                    .onlyBeforeVowel("œ").neverAtEnd("æèêç"),
            Language.of("äöüß"),                                                         // German
            Language.of("æøåé").rarelyBeforeVowel("ø"),                                  // Danish, Norwegian
            Language.of("åäöé"),                                                         // Swedish, Finnish
            Language.of("áéíóúñü").onlyBeforeVowel("ñ"),                                 // Spanish
            Language.of("áâãàçéêíóôõú").rare("ê"),                                       // Portuguese
            Language.of("àèéìíîòóù").rare("ìòù").neverBeforeVowel("è"),                  // Italian
            Language.of("áéèëïóöü").rare("ï").neverBeforeVowel("è"));                    // Dutch
    private static final String VOWELS = "aeiouyáàâäãåæéèêëěíìîïóòôöõőøœúùûüůűýÿąę";

    private static final char[] CENTRAL_TABLE = table(WINDOWS_1250);
    private static final char[] WESTERN_TABLE = table(WINDOWS_1252);
    private static final int MAX_WORD = 64;

    private final byte[] word = new byte[MAX_WORD];
    private final char[] decoded = new char[MAX_WORD];
    private int length;
    private boolean nonAscii;
    private long central;
    private long western;

    /** Feeds the file's bytes in order: {@code bytes[from..to)}. */
    void feed(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (isWordByte(b)) {
                if (length < MAX_WORD) {
                    word[length++] = b;
                }
                nonAscii |= b < 0;
            } else {
                endWord();
            }
        }
    }

    Charset guess() {
        endWord();
        return central > western ? WINDOWS_1250 : WINDOWS_1252;
    }

    long centralScore() {
        return central;
    }

    long westernScore() {
        return western;
    }

    private void endWord() {
        if (nonAscii) {
            central += score(CENTRAL_TABLE, CENTRAL);
            western += score(WESTERN_TABLE, WESTERN);
        }
        length = 0;
        nonAscii = false;
    }

    private int score(char[] table, List<Language> languages) {
        for (int i = 0; i < length; i++) {
            char c = word[i] >= 0 ? (char) word[i] : table[word[i] & 0x7F];
            if (word[i] < 0 && !Character.isLetter(c)) {
                return -4;
            }
            decoded[i] = Character.toLowerCase(c);
        }
        int best = -2;
        for (Language language : languages) {
            best = Math.max(best, fit(language));
        }
        return best;
    }

    /** 2 fits, 1 fits through something rare, -2 does not fit. */
    private int fit(Language language) {
        boolean weak = false;
        for (int i = 0; i < length; i++) {
            if (word[i] >= 0) {
                continue;
            }
            char c = decoded[i];
            boolean atEnd = i + 1 == length;
            boolean beforeVowel = !atEnd && VOWELS.indexOf(decoded[i + 1]) >= 0;
            boolean afterVowel = i > 0 && VOWELS.indexOf(decoded[i - 1]) >= 0;
            if (language.letters().indexOf(c) < 0
                    || beforeVowel && language.neverBeforeVowel().indexOf(c) >= 0
                    || !beforeVowel && language.onlyBeforeVowel().indexOf(c) >= 0
                    || afterVowel && language.neverAfterVowel().indexOf(c) >= 0
                    || atEnd && language.neverAtEnd().indexOf(c) >= 0) {
                return -2;
            }
            weak |= language.rare().indexOf(c) >= 0 || beforeVowel && language.rarelyBeforeVowel().indexOf(c) >= 0;
        }
        return weak ? 1 : 2;
    }

    /** ASCII letters, and high bytes that are a letter in at least one of the two code pages (not –, ’, «). */
    private static boolean isWordByte(byte b) {
        if (b >= 0) {
            return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
        }
        return Character.isLetter(CENTRAL_TABLE[b & 0x7F]) || Character.isLetter(WESTERN_TABLE[b & 0x7F]);
    }

    /** What bytes 0x80..0xFF decode to (U+FFFD where the code page leaves a byte undefined). */
    private static char[] table(Charset charset) {
        byte[] high = new byte[128];
        for (int i = 0; i < 128; i++) {
            high[i] = (byte) (0x80 + i);
        }
        try {
            char[] chars = new char[128];
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(high)).get(chars);
            return chars;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
