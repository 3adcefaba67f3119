package io.bouncedesk.service;

/** A progress listener that asks every long task to stop from the start, for the cancellation tests. */
final class Cancelling {

    static final Progress AT_ONCE = new Progress() {
        @Override
        public void update(long done, long total) {
            // nothing to show
        }

        @Override
        public boolean isCancelled() {
            return true;
        }
    };

    private Cancelling() {
    }
}
