package io.bouncedesk.ui.common;

/** The console's two AtlantaFX themes. */
public enum Theme {
    LIGHT,
    DARK
}
