package io.bouncedesk.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.persistence.SegmentDao;
import io.bouncedesk.persistence.SegmentFilter;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Segments: a saved filter over contacts (dynamic: members change as contacts do), or a static
 * list made from a Recipients tab ("Create segment from these recipients").
 */
public final class SegmentService {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A segment as lists show it. */
    public record Segment(long id, String name, boolean dynamic, SegmentFilter filter, String createdBy,
                          java.time.Instant createdAt) {
    }

    private final Jdbi jdbi;
    private final SegmentDao dao;
    private final AuditLogger audit;
    private final Clock clock;

    public SegmentService(Jdbi jdbi, SegmentDao dao, AuditLogger audit, Clock clock) {
        this.jdbi = jdbi;
        this.dao = dao;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Segment> list() {
        return jdbi.withHandle(h -> dao.list(h).stream().map(SegmentService::toSegment).toList());
    }

    public Segment createDynamic(User user, String name, SegmentFilter filter) {
        PermissionDeniedException.check(user, Permission.EDIT_CONTACTS);
        return jdbi.inTransaction(h -> {
            long id = dao.insert(h, checkName(h, name), "DYNAMIC", json(filter), user.username(), clock.instant());
            audit.record(h, user.username(), "SEGMENT_CREATED", AuditSubject.segment(name.strip()), null,
                    AuditLogger.fields("kind", "dynamic", "filter", json(filter)));
            return toSegment(dao.find(h, id).orElseThrow());
        });
    }

    /** A static segment of exactly the contacts behind the recipients a tab shows (with its search). */
    public Segment createFromRecipients(User user, String name, RecipientQuery recipients) {
        PermissionDeniedException.check(user, Permission.EDIT_CONTACTS);
        return jdbi.inTransaction(h -> {
            long id = dao.insert(h, checkName(h, name), "STATIC", null, user.username(), clock.instant());
            int members = dao.addRecipients(h, id, recipients);
            audit.record(h, user.username(), "SEGMENT_CREATED", AuditSubject.segment(name.strip()), null,
                    AuditLogger.fields("kind", "static", "email", recipients.emailId(), "tab", recipients.tab().cliName(),
                            "members", members));
            return toSegment(dao.find(h, id).orElseThrow());
        });
    }

    public void delete(User user, long id) {
        PermissionDeniedException.check(user, Permission.EDIT_CONTACTS);
        jdbi.useTransaction(h -> {
            SegmentDao.Row row = dao.find(h, id).orElseThrow(() -> new NotFoundException("No segment " + id + "."));
            dao.delete(h, id);
            audit.record(h, user.username(), "SEGMENT_DELETED", AuditSubject.segment(row.name()),
                    Map.of("kind", row.kind()), null);
        });
    }

    public long count(long segmentId) {
        return jdbi.withHandle(h -> {
            Segment s = toSegment(dao.find(h, segmentId).orElseThrow(() -> new NotFoundException("No segment " + segmentId + ".")));
            return s.dynamic() ? dao.dynamicCount(h, s.filter()) : dao.staticCount(h, segmentId);
        });
    }

    /** One keyset page of members in contact id order. */
    public List<ContactRow> members(long segmentId, long afterId, int limit) {
        return jdbi.withHandle(h -> {
            Segment s = toSegment(dao.find(h, segmentId).orElseThrow(() -> new NotFoundException("No segment " + segmentId + ".")));
            return s.dynamic() ? dao.dynamicMembers(h, s.filter(), afterId, limit)
                    : dao.staticMembers(h, segmentId, afterId, limit);
        });
    }

    private String checkName(Handle h, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A segment needs a name.");
        }
        if (dao.nameTaken(h, name.strip())) {
            throw new IllegalArgumentException("A segment named '" + name.strip() + "' exists already.");
        }
        return name.strip();
    }

    private static Segment toSegment(SegmentDao.Row r) {
        SegmentFilter filter = null;
        if (r.filterJson() != null) {
            try {
                filter = JSON.readValue(r.filterJson(), SegmentFilter.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Segment " + r.id() + " has an unreadable filter", e);
            }
        }
        return new Segment(r.id(), r.name(), "DYNAMIC".equals(r.kind()), filter, r.createdBy(), r.createdAt());
    }

    private static String json(SegmentFilter f) {
        try {
            return JSON.writeValueAsString(f);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
