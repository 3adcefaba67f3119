package io.bouncedesk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bouncedesk.persistence.AuditDao;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes audit entries inside the caller's transaction, with before and after as JSON. */
public final class AuditLogger {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditDao dao;
    private final Clock clock;

    public AuditLogger(AuditDao dao, Clock clock) {
        this.dao = dao;
        this.clock = clock;
    }

    public void record(Handle h, String username, String action, AuditSubject subject,
                       Map<String, ?> before, Map<String, ?> after) {
        dao.append(h, clock.instant(), username, action, subject.text(), json(before), json(after));
    }

    /**
     * Before or after values that keep the order they are given in (name, value, name, value...),
     * so an entry reads the same each time; {@code Map.of} has no order. A value may be null.
     */
    public static Map<String, Object> fields(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String json(Map<String, ?> value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit value not serialisable", e);
        }
    }
}
