package io.bouncedesk.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A transport whose replies tests script per address; unscripted addresses are accepted. */
public final class ScriptedTransport implements DeliveryTransport {

    public static final Reply OK = new Reply("250", "2.0.0", "250 2.0.0 Ok: queued", "mx.test");
    public static final Reply USER_UNKNOWN = new Reply("550", "5.1.1",
            "550 5.1.1 <x@y>: Recipient address rejected: User unknown in virtual mailbox table", "mx.test");
    public static final Reply MAILBOX_FULL = new Reply("452", "4.2.2", "452 4.2.2 Mailbox full", "mx.test");
    public static final Reply SPAM = new Reply("554", "5.7.1", "554 5.7.1 Message rejected as spam", "mx.test");

    private final Map<String, Reply> replies = new ConcurrentHashMap<>();
    public final List<String> attempts = new ArrayList<>();

    public void reply(String address, Reply reply) {
        replies.put(address.toLowerCase(), reply);
    }

    @Override
    public synchronized Reply deliver(OutgoingMessage message, int attemptNo, Instant at) {
        attempts.add(message.to() + "#" + attemptNo + "@" + at);
        return replies.getOrDefault(message.to().toLowerCase(), OK);
    }
}
