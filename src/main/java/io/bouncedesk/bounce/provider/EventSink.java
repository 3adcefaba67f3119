package io.bouncedesk.bounce.provider;

/** Where a provider parser sends what it finds in one input element. */
interface EventSink {

    void event(ProviderEvent event);

    /** Part of the element (for example one recipient of an SES bounce) is malformed. */
    void problem(String problem);

    /** The element is a well-formed provider event BounceDesk does not import. */
    void skip(String why);
}
