package io.bouncedesk.ui.recipients;

import io.bouncedesk.persistence.RecipientListDao;
import io.bouncedesk.persistence.RecipientRow;

/**
 * One row of the Recipients table: the recipient at {@code index} of the current list, or a
 * placeholder (no {@code item}) while its page is still being read.
 */
public record RecipientItem(int index, RecipientListDao.Item item) {

    public static RecipientItem placeholder(int index) {
        return new RecipientItem(index, null);
    }

    public boolean isPlaceholder() {
        return item == null;
    }

    /** The recipient row; null for a placeholder. */
    public RecipientRow recipient() {
        return item == null ? null : item.recipient();
    }

    /** The contact's current name, or the name at send time when the contact has none. */
    public String contactName() {
        if (item == null) {
            return "";
        }
        String current = (item.firstName() + " " + item.lastName()).strip();
        return current.isEmpty() ? item.recipient().name() : current;
    }

    public String address() {
        return item == null ? "" : item.recipient().address();
    }
}
