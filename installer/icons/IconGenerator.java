import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the BounceDesk application icon: a white envelope on a rounded square in the console's
 * blue (Primer's accent, #0969DA), with a return arrow that bounces back off its corner.
 *
 * <p>Run from the repository root with the JDK alone (no other tool is needed):
 * <pre>java installer/icons/IconGenerator.java installer/icons</pre>
 * It writes {@code bouncedesk-N.png} for N in 16..1024, {@code bouncedesk.png} (256 px, the Linux
 * launcher and menu icon), {@code bouncedesk.ico} (Windows: 16..256, BMP entries and a PNG 256) and
 * {@code bouncedesk.icns} (macOS: 16..1024, PNG entries). The output is deterministic.
 */
public final class IconGenerator {

    private static final Color BLUE_TOP = new Color(0x2F, 0x81, 0xF7);
    private static final Color BLUE_BOTTOM = new Color(0x05, 0x50, 0xAE);
    private static final Color INK = new Color(0x0A, 0x3D, 0x8F);
    private static final Color PAPER = Color.WHITE;
    private static final Color PAPER_SHADE = new Color(0xDD, 0xE8, 0xF7);

    private static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    private static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(out);
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            BufferedImage image = draw(size);
            byte[] bytes = pngBytes(image);
            png.put(size, bytes);
            Files.write(out.resolve("bouncedesk-" + size + ".png"), bytes);
        }
        Files.write(out.resolve("bouncedesk.png"), png.get(256));
        writeIco(out.resolve("bouncedesk.ico"), png);
        writeIcns(out.resolve("bouncedesk.icns"), png);
        System.out.println("Wrote BounceDesk icons to " + out.toAbsolutePath());
    }

    /** Draws the icon at {@code size} pixels; the design is on a 100-unit grid. */
    static BufferedImage draw(int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.scale(size / 100.0, size / 100.0);
        boolean small = size <= 32;

        // Tile: rounded square with a soft top-to-bottom gradient (full bleed at the smallest sizes).
        double inset = small ? 1 : 4;
        double arc = small ? 20 : 44;
        Shape tile = new RoundRectangle2D.Double(inset, inset, 100 - 2 * inset, 100 - 2 * inset, arc, arc);
        g.setPaint(new GradientPaint(0, (float) inset, BLUE_TOP, 0, (float) (100 - inset), BLUE_BOTTOM));
        g.fill(tile);

        // Envelope: a white card, slightly left and low, so the arrow has room at the top right.
        double ex = small ? 7 : 16;
        double ey = small ? 42 : 36;
        double ew = small ? 64 : 56;
        double eh = small ? 48 : 40;
        Shape body = new RoundRectangle2D.Double(ex, ey, ew, eh, small ? 6 : 7, small ? 6 : 7);
        if (!small) {
            g.setColor(new Color(0, 0, 0, 40));
            g.fill(new RoundRectangle2D.Double(ex, ey + 2.2, ew, eh, 7, 7));
        }
        g.setColor(PAPER);
        g.fill(body);

        // Flap: a V from the top corners to the middle.
        Path2D flap = new Path2D.Double();
        flap.moveTo(ex + 3, ey + 3);
        flap.lineTo(ex + ew / 2, ey + eh * 0.56);
        flap.lineTo(ex + ew - 3, ey + 3);
        g.setColor(small ? INK : PAPER_SHADE);
        g.setStroke(new BasicStroke(small ? 7f : 4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Area clip = new Area(body);
        g.setClip(clip);
        g.draw(flap);
        if (!small) {
            g.setColor(INK);
            g.setStroke(new BasicStroke(3.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(flap);
        }
        g.setClip(null);

        // Return arrow: rises beside the envelope's top right corner, turns and points back left.
        Path2D arrow = new Path2D.Double();
        double r = small ? 15 : 16;
        double cx = small ? 69 : 66;
        double cy = small ? 31 : 30;
        arrow.moveTo(cx + r, cy + (small ? 11 : 14));
        arrow.lineTo(cx + r, cy);
        arrow.curveTo(cx + r, cy - r * 0.55, cx + r * 0.55, cy - r, cx, cy - r);
        arrow.lineTo(cx - (small ? 10 : 14), cy - r);
        float shaft = small ? 10f : 7.5f;
        Path2D head = arrowHead(cx - (small ? 10 : 14), cy - r, small ? 20 : 12);
        g.setColor(PAPER);
        g.setStroke(new BasicStroke(shaft, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(arrow);
        g.setStroke(new BasicStroke(small ? 1.5f : 2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.fill(head);
        g.draw(head);
        g.dispose();
        return image;
    }

    /** A triangle pointing left with its tip {@code length} left of (x, y). */
    private static Path2D arrowHead(double x, double y, double length) {
        Path2D p = new Path2D.Double();
        p.moveTo(x - length * 0.55, y);
        p.lineTo(x + length * 0.45, y - length * 0.62);
        p.lineTo(x + length * 0.45, y + length * 0.62);
        p.closePath();
        return p;
    }

    private static byte[] pngBytes(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        return bytes.toByteArray();
    }

    /**
     * ICO: a directory of images. Sizes below 256 are 32-bit BMP entries (read by every Windows
     * version and resource compiler); 256 is a PNG entry, as Windows Vista and later expect.
     */
    private static void writeIco(Path file, Map<Integer, byte[]> png) throws IOException {
        List<byte[]> entries = new java.util.ArrayList<>();
        for (int size : ICO_SIZES) {
            entries.add(size >= 256 ? png.get(size) : bmpEntry(draw(size)));
        }
        ByteBuffer header = ByteBuffer.allocate(6 + 16 * ICO_SIZES.length).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) ICO_SIZES.length);
        int offset = header.capacity();
        for (int i = 0; i < ICO_SIZES.length; i++) {
            int size = ICO_SIZES[i];
            header.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size));
            header.put((byte) 0).put((byte) 0);              // no palette, reserved
            header.putShort((short) 1).putShort((short) 32); // planes, bits per pixel
            header.putInt(entries.get(i).length).putInt(offset);
            offset += entries.get(i).length;
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header.array());
            for (byte[] entry : entries) {
                out.write(entry);
            }
        }
    }

    /** A BITMAPINFOHEADER, bottom-up BGRA pixels, and the 1-bit AND mask (all opaque: alpha decides). */
    private static byte[] bmpEntry(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int maskRow = ((w + 31) / 32) * 4;
        ByteBuffer b = ByteBuffer.allocate(40 + w * h * 4 + maskRow * h).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(40).putInt(w).putInt(h * 2).putShort((short) 1).putShort((short) 32);
        b.putInt(0).putInt(w * h * 4).putInt(0).putInt(0).putInt(0).putInt(0);
        for (int y = h - 1; y >= 0; y--) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                b.put((byte) argb).put((byte) (argb >> 8)).put((byte) (argb >> 16)).put((byte) (argb >>> 24));
            }
        }
        // The AND mask stays zero: 32-bit entries take transparency from the alpha channel.
        return b.array();
    }

    /** ICNS: 'icns', total length, then (type, length, PNG) entries for each size and its @2x. */
    private static void writeIcns(Path file, Map<Integer, byte[]> png) throws IOException {
        Map<String, Integer> types = new LinkedHashMap<>();
        types.put("icp4", 16);
        types.put("icp5", 32);
        types.put("icp6", 64);
        types.put("ic07", 128);
        types.put("ic08", 256);
        types.put("ic09", 512);
        types.put("ic10", 1024); // 512@2x
        types.put("ic11", 32);   // 16@2x
        types.put("ic12", 64);   // 32@2x
        types.put("ic13", 256);  // 128@2x
        types.put("ic14", 512);  // 256@2x
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, Integer> e : types.entrySet()) {
            byte[] data = png.get(e.getValue());
            body.write(e.getKey().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            body.write(ByteBuffer.allocate(4).putInt(8 + data.length).array());
            body.write(data);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("icns".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(ByteBuffer.allocate(4).putInt(8 + body.size()).array());
            body.writeTo(out);
        }
    }
}
