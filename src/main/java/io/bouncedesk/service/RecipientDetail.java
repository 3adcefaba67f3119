package io.bouncedesk.service;

import io.bouncedesk.persistence.AttemptRow;
import io.bouncedesk.persistence.EmailRow;
import io.bouncedesk.persistence.RecipientRow;

import java.util.List;

/**
 * What an expanded row of the Recipients view shows: the recipient, its delivery attempts with the
 * servers' replies and, for a Not sent recipient suppressed for an earlier hard bounce, the email on
 * which the address bounced and the recipient row of that bounce.
 *
 * @param causeEmail     the earlier email that caused the suppression; null when none is known
 * @param causeRecipient this address on {@code causeEmail}, with its bounce; null when none is known
 * @param bounceId       the bounce recorded for this recipient (to show its original or reclassify it); null when none
 * @param hasOriginal    whether the original bounce message of {@code bounceId} was kept
 */
public record RecipientDetail(RecipientRow recipient, List<AttemptRow> attempts, EmailRow causeEmail,
                              RecipientRow causeRecipient, Long bounceId, boolean hasOriginal) {

    public RecipientDetail(RecipientRow recipient, List<AttemptRow> attempts, EmailRow causeEmail,
                           RecipientRow causeRecipient) {
        this(recipient, attempts, causeEmail, causeRecipient, null, false);
    }
}
