package io.bouncedesk.bounce.provider;

/**
 * What a provider event says happened to one recipient. DEFERRED means the provider is still
 * retrying; SOFT_BOUNCE and HARD_BOUNCE are final failures typed by the domain rule (section 5);
 * DROPPED means the provider never attempted delivery (for example its own suppression list).
 */
public enum ProviderEventType {
    DELIVERED,
    SOFT_BOUNCE,
    HARD_BOUNCE,
    DEFERRED,
    DROPPED,
    OPEN,
    CLICK,
    SPAM_COMPLAINT,
    UNSUBSCRIBE
}
