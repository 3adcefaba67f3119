package io.bouncedesk.service;

/**
 * How long work reports how far it is and learns that the user cancelled. Implementations
 * are called from the worker thread; UI adapters hop to the FX thread themselves.
 */
public interface Progress {

    Progress NONE = (done, total) -> { };

    /** @param total the amount of work, or -1 when unknown */
    void update(long done, long total);

    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancelledException} when the user cancelled; call between units of work. */
    default void checkCancelled() {
        if (isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledException();
        }
    }
}
