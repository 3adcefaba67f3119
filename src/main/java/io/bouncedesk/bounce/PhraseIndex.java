package io.bouncedesk.bounce;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Finds which of many fixed phrases occur in a text in one pass. Phrases are keyed by their
 * first 16, 8 or 4 characters (the longest their length allows), so each text position costs a
 * few table probes instead of one scan per phrase. Long keys matter: dozens of bounce phrases
 * start with "message " or "recipient", and a short key would compare them all at every such
 * word in the text.
 */
final class PhraseIndex {

    private static final int[] KEYS = {16, 8, 4};

    private final String[] phrases;
    /** One table per key length, longest first; null when no phrase has that length class. */
    private final Table[] tables = new Table[KEYS.length];
    /** Phrases shorter than four characters are rare; they are checked with indexOf. */
    private final int[] singles;
    /** Whether some keyed phrase starts with this (ASCII) char; other chars are always tried. */
    private final boolean[] starts = new boolean[128];
    private boolean anyNonAscii;

    /**
     * Phrases keyed by their first {@code key} characters in an open-addressing table of
     * (hash, id) pairs: one probe touches one cache line, and a colliding text window is
     * rejected by its hash without touching the phrase text.
     */
    private static final class Table {
        final int key;
        final int mask;
        /** slots[2s] is an entry's hash (never 0; 0 marks a free slot), slots[2s + 1] its phrase id. */
        final int[] slots;

        Table(int key, String[] phrases, List<Integer> members) {
            this.key = key;
            int size = Integer.highestOneBit(Math.max(16, members.size() * 4)) * 2;
            mask = size - 1;
            slots = new int[size * 2];
            for (int id : members) {
                int h = nonZero(hash(phrases[id], 0, key, false));
                int s = h & mask;
                while (slots[2 * s] != 0) {
                    s = (s + 1) & mask;
                }
                slots[2 * s] = h;
                slots[2 * s + 1] = id;
            }
        }

        static int nonZero(int hash) {
            return hash == 0 ? 1 : hash;
        }

        /** Compares the entries with this hash with the text at i; kept out of the scan loop so the loop stays small. */
        void confirm(PhraseIndex index, int hash, char[] text, int i, BitSet hits) {
            int h = nonZero(hash);
            for (int s = h & mask; slots[2 * s] != 0; s = (s + 1) & mask) {
                int id = slots[2 * s + 1];
                if (slots[2 * s] == h && !hits.get(id) && index.startsAt(id, text, i)) {
                    hits.set(id);
                }
            }
        }

        boolean startsAtIgnoreCase(String[] phrases, String text, int i) {
            if (i + key > text.length()) {
                return false;
            }
            int h = nonZero(hash(text, i, key, true));
            for (int s = h & mask; slots[2 * s] != 0; s = (s + 1) & mask) {
                String p = phrases[slots[2 * s + 1]];
                if (slots[2 * s] == h && text.regionMatches(true, i, p, 0, p.length())) {
                    return true;
                }
            }
            return false;
        }
    }

    /** All phrases one after another, compared from here: one array stays in cache, hundreds of strings do not. */
    private final char[] pool;
    private final int[] offsets;

    private boolean startsAt(int id, char[] text, int i) {
        int from = offsets[id];
        int len = offsets[id + 1] - from;
        if (i + len > text.length) {
            return false;
        }
        for (int j = 0; j < len; j++) {
            if (text[i + j] != pool[from + j]) {
                return false;
            }
        }
        return true;
    }

    PhraseIndex(List<String> list) {
        phrases = list.toArray(new String[0]);
        offsets = new int[phrases.length + 1];
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < phrases.length; i++) {
            all.append(phrases[i]);
            offsets[i + 1] = all.length();
        }
        pool = all.toString().toCharArray();
        List<Integer> one = new ArrayList<>();
        List<List<Integer>> byKey = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < phrases.length; i++) {
            String p = phrases[i];
            if (p.length() < KEYS[KEYS.length - 1]) {
                one.add(i);
                continue;
            }
            for (int k = 0; k < KEYS.length; k++) {
                if (p.length() >= KEYS[k]) {
                    byKey.get(k).add(i);
                    break;
                }
            }
            if (p.charAt(0) < 128) {
                starts[p.charAt(0)] = true;
            } else {
                anyNonAscii = true;
            }
        }
        for (int k = 0; k < KEYS.length; k++) {
            tables[k] = byKey.get(k).isEmpty() ? null : new Table(KEYS[k], phrases, byKey.get(k));
            for (int id : byKey.get(k)) {
                int b = bloomBit(hash(phrases[id], 0, KEYS[k], false), k);
                bloom[b >>> 6] |= 1L << b;
            }
        }
        singles = one.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int hash(String s, int i, int length, boolean fold) {
        int h = 0;
        for (int j = i; j < i + length; j++) {
            char c = s.charAt(j);
            h = h * 31 + (fold && c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        return mix(h);
    }

    private static int mix(int h) {
        return h ^ (h >>> 13);
    }

    /** Bit table over (key length, hash) of every keyed phrase: 4 KB, a few percent of bits set. */
    private final long[] bloom = new long[512];

    private static int bloomBit(int hash, int table) {
        return ((hash + table) * 0x9E3779B1) >>> 17;
    }

    private boolean maybe(int hash, int table) {
        int b = bloomBit(hash, table);
        return (bloom[b >>> 6] & (1L << b)) != 0;
    }

    private static final int P3 = 31 * 31 * 31;
    private static final int P4 = P3 * 31;

    int size() {
        return phrases.length;
    }

    /** The indices of all phrases that occur in {@code text}. */
    BitSet matches(String text) {
        BitSet hits = new BitSet(phrases.length);
        int n = text.length();
        if (n >= 4) {
            // rolling hashes of every four-character window; longer keys combine them
            char[] c = text.toCharArray();
            int[] h4 = new int[n - 3];
            int h = ((c[0] * 31 + c[1]) * 31 + c[2]) * 31 + c[3];
            h4[0] = h;
            for (int i = 1; i < h4.length; i++) {
                h = (h - c[i - 1] * P3) * 31 + c[i + 3];
                h4[i] = h;
            }
            Table t16 = tables[0];
            Table t8 = tables[1];
            Table t4 = tables[2];
            for (int i = 0; i < h4.length; i++) {
                char first = c[i];
                if (first < 128 ? !starts[first] : !anyNonAscii) {
                    continue;
                }
                // a shared bit table rules out nearly all positions without a method call
                if (t4 != null) {
                    int hash = mix(h4[i]);
                    if (maybe(hash, 2)) {
                        t4.confirm(this, hash, c, i, hits);
                    }
                }
                if (i + 8 <= n) {
                    int h8 = h4[i] * P4 + h4[i + 4];
                    int hash = mix(h8);
                    if (t8 != null && maybe(hash, 1)) {
                        t8.confirm(this, hash, c, i, hits);
                    }
                    if (t16 != null && i + 16 <= n) {
                        hash = mix((h8 * P4 + h4[i + 8]) * P4 + h4[i + 12]);
                        if (maybe(hash, 0)) {
                            t16.confirm(this, hash, c, i, hits);
                        }
                    }
                }
            }
        }
        for (int id : singles) {
            if (text.indexOf(phrases[id]) >= 0) {
                hits.set(id);
            }
        }
        return hits;
    }

    /** Whether some keyed phrase starts at {@code i}, comparing case-insensitively (phrases are lower case). */
    boolean startsAtIgnoreCase(String text, int i) {
        for (Table t : tables) {
            if (t != null && t.startsAtIgnoreCase(phrases, text, i)) {
                return true;
            }
        }
        return false;
    }

    /** The index of the lowest-numbered phrase that occurs, or -1. */
    int first(String text) {
        return matches(text).nextSetBit(0);
    }
}
