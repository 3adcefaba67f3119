package io.bouncedesk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bouncedesk.persistence.AuditDao;
import org.jdbi.v3.core.Handle;

import java.time.Clock;
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

    public void record(Handle h, String username, String action, String subject,
                       Map<String, ?> before, Map<String, ?> after) {
        dao.append(h, clock.instant(), username, action, subject, json(before), json(after));
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
