package io.bouncedesk.service;

import io.bouncedesk.persistence.ContactFilter;
import io.bouncedesk.persistence.ContactListDao;
import org.jdbi.v3.core.Jdbi;

import java.util.List;

/** The Contacts list: counts and sorted pages of contacts matching a filter, read by the database. */
public final class ContactListService {

    private final Jdbi jdbi;
    private final ContactListDao dao;

    public ContactListService(Jdbi jdbi, ContactListDao dao) {
        this.jdbi = jdbi;
        this.dao = dao;
    }

    public long count(ContactFilter filter) {
        return jdbi.withHandle(h -> dao.count(h, filter));
    }

    public List<ContactListDao.Item> page(ContactFilter filter, ContactListDao.Sort sort, boolean descending,
                                          long offset, int limit) {
        return jdbi.withHandle(h -> dao.page(h, filter, sort, descending, offset, limit));
    }
}
