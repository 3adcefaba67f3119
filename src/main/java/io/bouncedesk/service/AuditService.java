package io.bouncedesk.service;

import io.bouncedesk.persistence.AuditEntry;
import io.bouncedesk.persistence.AuditQueryDao;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** Reading the append-only audit log (section 11); every role may read it, nobody may change it. */
public final class AuditService {

    private final Jdbi jdbi;
    private final AuditQueryDao dao;

    public AuditService(Jdbi jdbi, AuditQueryDao dao) {
        this.jdbi = jdbi;
        this.dao = dao;
    }

    public long count(AuditQueryDao.Filter filter) {
        return jdbi.withHandle(h -> dao.count(h, filter));
    }

    /** Newest first. */
    public List<AuditEntry> page(AuditQueryDao.Filter filter, long offset, int limit) {
        return jdbi.withHandle(h -> dao.page(h, filter, offset, limit));
    }

    public List<String> usernames() {
        return jdbi.withHandle(dao::usernames);
    }

    public List<String> actions() {
        return jdbi.withHandle(dao::actions);
    }
}
