package io.bouncedesk.service;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Compression and identity of stored original messages. */
final class StoredMessages {

    private StoredMessages() {
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] compress(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 3));
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    static byte[] decompress(byte[] data, int size) {
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        byte[] out = new byte[size];
        try {
            int n = 0;
            while (n < size && !inflater.finished()) {
                n += inflater.inflate(out, n, size - n);
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalStateException("A stored message is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
