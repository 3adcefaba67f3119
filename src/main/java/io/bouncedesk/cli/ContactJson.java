package io.bouncedesk.cli;

import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.persistence.ContactRow;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON shape of a contact, shared by {@code contacts} and {@code contact}. */
final class ContactJson {

    private ContactJson() {
    }

    static Map<String, Object> contact(ContactRow c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("address", c.address().address());
        m.put("firstName", c.firstName());
        m.put("lastName", c.lastName());
        m.put("company", c.company());
        m.put("source", c.source());
        m.put("purchasedList", c.purchasedList());
        m.put("status", c.status().name());
        m.put("globalBounce", c.address().globalBounced());
        return m;
    }

    static Map<String, Object> bounce(BounceRow b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", b.type().name());
        m.put("reason", b.reason().code());
        m.put("category", b.category().name());
        m.put("status", b.smtpStatus());
        m.put("replyCode", b.replyCode());
        m.put("diagnostic", b.diagnostic());
        m.put("remoteMta", b.remoteMta());
        m.put("time", Json.time(b.occurredAt()));
        m.put("emailId", b.emailId());
        m.put("email", b.emailName());
        m.put("convertedFromSoft", b.convertedFromSoft());
        if (b.unbouncedAt() != null) {
            m.put("unbouncedAt", Json.time(b.unbouncedAt()));
            m.put("unbouncedBy", b.unbouncedBy());
        }
        return m;
    }
}
