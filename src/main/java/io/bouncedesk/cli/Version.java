package io.bouncedesk.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version from pom.xml, filtered into a resource at build time. */
public final class Version implements CommandLine.IVersionProvider {

    public static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/io/bouncedesk/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"BounceDesk " + current()};
    }
}
