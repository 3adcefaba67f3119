package io.bouncedesk.installer;

import io.bouncedesk.app.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaging configuration in installer/ without building anything: the icons are what the
 * three systems read, the desktop entry and the file associations agree, and a .bdws file handed
 * to the launcher opens the console on it.
 */
class InstallerFilesTest {

    static final Path INSTALLER = Path.of(System.getProperty("basedir", "."), "installer");

    @TempDir
    Path dir;

    @Test
    void pngIconsHaveTheirNamedSizeAndTransparentCorners() throws IOException {
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            BufferedImage image = ImageIO.read(INSTALLER.resolve("icons/bouncedesk-" + size + ".png").toFile());
            assertThat(image.getWidth()).as("bouncedesk-%d.png", size).isEqualTo(size);
            assertThat(image.getHeight()).isEqualTo(size);
            assertThat(image.getRGB(0, 0) >>> 24).as("corner alpha of %d", size).isLessThan(64);
            assertThat(image.getRGB(size / 2, size / 2) >>> 24).isEqualTo(255);
        }
        assertThat(INSTALLER.resolve("icons/bouncedesk.png")).hasSameBinaryContentAs(INSTALLER.resolve("icons/bouncedesk-256.png"));
    }

    @Test
    void icoListsSevenImagesUpTo256() throws IOException {
        ByteBuffer ico = ByteBuffer.wrap(Files.readAllBytes(INSTALLER.resolve("icons/bouncedesk.ico"))).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(ico.getShort(0)).isZero();
        assertThat(ico.getShort(2)).isEqualTo((short) 1);
        int count = ico.getShort(4);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int entry = 6 + 16 * i;
            int width = Byte.toUnsignedInt(ico.get(entry));
            sizes.add(width == 0 ? 256 : width);
            assertThat(ico.getShort(entry + 6)).isEqualTo((short) 32);
            int length = ico.getInt(entry + 8);
            int offset = ico.getInt(entry + 12);
            assertThat(offset + length).isLessThanOrEqualTo(ico.capacity());
        }
        assertThat(sizes).containsExactly(16, 24, 32, 48, 64, 128, 256);
    }

    @Test
    void icnsHoldsPngEntriesFrom16To1024() throws IOException {
        byte[] bytes = Files.readAllBytes(INSTALLER.resolve("icons/bouncedesk.icns"));
        ByteBuffer icns = ByteBuffer.wrap(bytes);
        assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("icns");
        assertThat(icns.getInt(4)).isEqualTo(bytes.length);
        List<String> types = new ArrayList<>();
        for (int at = 8; at < bytes.length; at += icns.getInt(at + 4)) {
            types.add(new String(bytes, at, 4, StandardCharsets.US_ASCII));
            assertThat(bytes[at + 9]).as("PNG signature").isEqualTo((byte) 'P');
        }
        assertThat(types).contains("icp4", "ic07", "ic08", "ic09", "ic10");
    }

    @Test
    void desktopEntryOpensFilesAndNamesTheProduct() throws IOException {
        String desktop = Files.readString(INSTALLER.resolve("linux/resources/bouncedesk.desktop"));
        assertThat(desktop).startsWith("[Desktop Entry]").contains("Name=BounceDesk", "Exec=APPLICATION_LAUNCHER %f",
                "Comment=APPLICATION_DESCRIPTION", "Categories=DEPLOY_BUNDLE_CATEGORY", "DESKTOP_MIMES", "Type=Application");
    }

    @Test
    void everySystemAssociatesTheSameWorkspaceFileType() throws IOException {
        for (String system : List.of("linux", "windows", "macos")) {
            Properties fa = new Properties();
            try (InputStream in = Files.newInputStream(INSTALLER.resolve(system + "/bdws.properties"))) {
                fa.load(in);
            }
            assertThat(fa.getProperty("extension")).as(system).isEqualTo("bdws");
            assertThat(fa.getProperty("mime-type")).as(system).isEqualTo("application/x-bouncedesk-workspace");
            assertThat(INSTALLER.resolve(fa.getProperty("icon"))).as(system).isRegularFile();
            assertThat(Files.readString(INSTALLER.resolve(system + "/package.options")))
                    .contains("--file-associations " + system + "/bdws.properties");
        }
    }

    @Test
    void aWorkspaceFileAsTheOnlyArgumentOpensTheConsoleOnIt() throws IOException {
        Path workspace = Files.createFile(dir.resolve("Team A.BDWS"));

        assertThat(Main.openedFile(new String[] {workspace.toString()}))
                .containsExactly("--workspace", workspace.toString());
    }

    @Test
    void anyOtherCommandLineIsLeftAsTyped() throws IOException {
        Path workspace = Files.createFile(dir.resolve("team.bdws"));
        String missing = dir.resolve("missing.bdws").toString();

        assertThat(Main.openedFile(new String[] {missing})).containsExactly(missing);
        assertThat(Main.openedFile(new String[] {"status", workspace.toString()})).containsExactly("status", workspace.toString());
        assertThat(Main.openedFile(new String[] {"status"})).containsExactly("status");
        assertThat(Main.openedFile(new String[] {dir.toString()})).containsExactly(dir.toString());
        assertThat(Main.openedFile(new String[0])).isEmpty();
    }
}
