package io.bouncedesk.persistence;

/** An email address and its bounce state in this workspace. */
public record AddressRow(long id, String address, String key, String domain, boolean valid,
                         Long hardBounceId, boolean globalBounced, int softFailures, String lastSoftReason) {

    public boolean hardBounced() {
        return hardBounceId != null;
    }
}
