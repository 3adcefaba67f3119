package io.bouncedesk.ui.shell;

/** Builds the screen for a place, with its view model; supplied by the composition root. */
@FunctionalInterface
public interface ScreenFactory {
    Screen create(Place place);
}
