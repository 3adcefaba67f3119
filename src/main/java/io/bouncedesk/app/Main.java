package io.bouncedesk.app;

import io.bouncedesk.cli.CommandLineRunner;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

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
        System.exit(CommandLineRunner.run(args, ConsoleApp::start, out, err));
    }
}
