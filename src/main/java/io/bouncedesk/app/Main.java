package io.bouncedesk.app;

import io.bouncedesk.app.bench.BenchCommand;
import io.bouncedesk.cli.CommandLineRunner;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Entry point of the jar and the installed launcher. Deliberately not a JavaFX Application, so
 * that the JavaFX runtime can come from the class path and the headless commands never start it.
 * With no command the console opens, and {@code run} returns when its window closes.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(CommandLineRunner.run(openedFile(args), ConsoleApp::start, out, err, new BenchCommand()));
    }

    /**
     * A sole argument that is an existing {@code .bdws} file (a workspace opened from the file
     * manager, through the installers' file association) opens the console on it; any other
     * arguments are the command line as typed.
     */
    public static String[] openedFile(String[] args) {
        if (args.length == 1 && args[0].toLowerCase(Locale.ROOT).endsWith(".bdws")) {
            try {
                if (Files.isRegularFile(Path.of(args[0]))) {
                    return new String[] {"--workspace", args[0]};
                }
            } catch (InvalidPathException e) {
                return args;
            }
        }
        return args;
    }
}
