package io.bouncedesk.bounce.provider;

/** Progress of a read: called every few thousand elements and once at the end. */
@FunctionalInterface
public interface ReadProgress {

    ReadProgress NONE = (bytesRead, events) -> { };

    void progress(long bytesRead, long events);
}
