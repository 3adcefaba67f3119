package io.bouncedesk.ui.recipients;

import io.bouncedesk.service.ItTeamDetails;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;

/** The text "Copy details for the recipient's IT team" puts on the clipboard (domain rules, section 9). */
public final class ItDetailsText {

    private ItDetailsText() {
    }

    public static String of(ItTeamDetails d, Messages m) {
        String nl = System.lineSeparator();
        return m.format("it.intro", d.recipientAddress()) + nl + nl
                + m.get("it.subject") + " " + d.subject() + nl
                + m.get("it.fromName") + " " + d.fromName() + nl
                + m.get("it.fromAddress") + " " + d.fromAddress() + nl
                + m.get("it.delivered") + " " + Formats.fullDateTime(d.deliveredAt()) + nl
                + m.get("it.messageId") + " " + (d.messageId() == null ? "" : d.messageId()) + nl
                + m.get("it.ips") + " " + String.join(", ", d.sendingIps()) + nl;
    }
}
