package io.bouncedesk.ui.contacts;

import io.bouncedesk.persistence.ContactListDao;

/** One row of the Contacts table; a placeholder (item null) until its page is read. */
public record ContactItem(int index, ContactListDao.Item item) {

    public static ContactItem placeholder(int index) {
        return new ContactItem(index, null);
    }

    public boolean isPlaceholder() {
        return item == null;
    }

    public long id() {
        return item.contact().id();
    }

    /** "Anna Nowak <anna@example.com>", as the record's header and the shell name it. */
    public String label() {
        return item.contact().displayName() + " <" + item.contact().address().address() + ">";
    }
}
