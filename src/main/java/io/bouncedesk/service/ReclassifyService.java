package io.bouncedesk.service;

import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.BounceType;
import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.BounceDao;
import io.bouncedesk.persistence.BounceRow;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Corrects a bounce's reason and type (for example a security filter's rejection taken for an
 * unknown user), with a comment. The address's state follows: a hard bounce turned soft no longer
 * suppresses, a soft bounce turned hard does. The audit log keeps before and after.
 */
public final class ReclassifyService {

    private final Jdbi jdbi;
    private final BounceDao bounces;
    private final AddressDao addresses;
    private final ContactStatusUpdater statuses;
    private final AuditLogger audit;
    private final Clock clock;

    public ReclassifyService(Jdbi jdbi, BounceDao bounces, AddressDao addresses, ContactStatusUpdater statuses,
                             AuditLogger audit, Clock clock) {
        this.jdbi = jdbi;
        this.bounces = bounces;
        this.addresses = addresses;
        this.statuses = statuses;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param type HARD or SOFT; must agree with the rule of section 5 (only notaccept may be either)
     */
    public BounceRow reclassify(User user, long bounceId, BounceReason reason, BounceType type, String comment) {
        PermissionDeniedException.check(user, Permission.RECLASSIFY);
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("Say why the bounce is reclassified (a comment is required).");
        }
        if (!reason.isFailure()) {
            throw new IllegalArgumentException("'" + reason.code() + "' is not a bounce reason.");
        }
        if (reason.type(true) != type && reason.type(false) != type) {
            throw new IllegalArgumentException("A bounce with reason '" + reason.code() + "' is " + reason.type(true)
                    .name().toLowerCase(java.util.Locale.ROOT) + " by the bounce rules; it cannot be "
                    + type.name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return jdbi.inTransaction(h -> {
            BounceRow before = bounces.find(h, bounceId)
                    .orElseThrow(() -> new NotFoundException("No bounce with id " + bounceId + "."));
            Instant now = clock.instant();
            h.createUpdate("UPDATE bounce SET reason = :r, category = :c, bounce_type = :t, reclassified_by = :u,"
                            + " reclassified_at = :at, reclassify_comment = :comment WHERE id = :id")
                    .bind("r", reason.code()).bind("c", reason.category().name()).bind("t", type.name())
                    .bind("u", user.username()).bind("at", now.toEpochMilli()).bind("comment", comment.strip())
                    .bind("id", bounceId).execute();
            if (before.recipientId() != null) {
                h.createUpdate("UPDATE recipient SET bounce_reason = :r, bounce_category = :c, bounce_type = :t"
                                + " WHERE id = :id AND outcome = 'BOUNCED'")
                        .bind("r", reason.code()).bind("c", reason.category().name()).bind("t", type.name())
                        .bind("id", before.recipientId()).execute();
            }
            AddressRow address = addresses.find(h, before.addressId()).orElseThrow();
            boolean current = address.hardBounceId() != null && address.hardBounceId() == bounceId;
            if (current && type == BounceType.SOFT) {
                addresses.setHardBounce(h, address.id(), null);
            } else if (!current && type == BounceType.HARD && before.unbouncedAt() == null) {
                addresses.setHardBounce(h, address.id(), bounceId);
            }
            statuses.refreshForAddress(h, address.id());
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("reason", before.reason().code());
            b.put("type", before.type().name());
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("reason", reason.code());
            a.put("type", type.name());
            a.put("comment", comment.strip());
            audit.record(h, user.username(), "RECLASSIFY", AuditSubject.bounce(bounceId, before.address()), b, a);
            return bounces.find(h, bounceId).orElseThrow();
        });
    }
}
