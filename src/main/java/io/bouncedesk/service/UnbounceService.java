package io.bouncedesk.service;

import io.bouncedesk.domain.Permission;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.AddressRow;
import io.bouncedesk.persistence.BounceDao;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.ContactRow;
import io.bouncedesk.persistence.SendingSetupDao;
import io.bouncedesk.persistence.UnbounceDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Unbouncing a contact (domain rules, section 7). {@link #check} tells the dialog which rules
 * fail right now; {@link #unbounce} checks every rule again inside one transaction and takes one
 * unit of the month's quota atomically, so two admins racing for the last unit cannot both win.
 */
public final class UnbounceService {

    /** What the unbounce dialog shows before the user confirms. */
    public record Check(ContactRow contact, Optional<BounceRow> bounce, UnbounceQuota quota, List<UnbounceRule> failing) {
        public boolean allowed() {
            return failing.isEmpty();
        }
    }

    /** A completed unbounce. */
    public record Unbounced(long contactId, String address, BounceRow clearedBounce, UnbounceQuota quotaAfter) {
    }

    private final Jdbi jdbi;
    private final ContactDao contacts;
    private final AddressDao addresses;
    private final BounceDao bounces;
    private final UnbounceDao unbounces;
    private final SendingSetupDao sending;
    private final ContactStatusUpdater statuses;
    private final WorkspaceSettings settings;
    private final AuditLogger audit;
    private final Clock clock;

    public UnbounceService(Jdbi jdbi, ContactDao contacts, AddressDao addresses, BounceDao bounces,
                           UnbounceDao unbounces, SendingSetupDao sending, ContactStatusUpdater statuses,
                           WorkspaceSettings settings, AuditLogger audit, Clock clock) {
        this.jdbi = jdbi;
        this.contacts = contacts;
        this.addresses = addresses;
        this.bounces = bounces;
        this.unbounces = unbounces;
        this.sending = sending;
        this.statuses = statuses;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    public UnbounceQuota quota() {
        return jdbi.withHandle(this::quota);
    }

    UnbounceQuota quota(Handle h) {
        String month = settings.currentMonth(h).toString();
        return new UnbounceQuota(month, UnbounceQuota.limitFor(contacts.countAll(h)), unbounces.used(h, month));
    }

    /** Every rule that fails now, except the confirmation tick, which the dialog collects. */
    public Check check(User user, long contactId) {
        return jdbi.withHandle(h -> {
            ContactRow c = contact(h, contactId);
            UnbounceQuota quota = quota(h);
            List<UnbounceRule> failing = failingRules(h, user, c, quota);
            Optional<BounceRow> bounce = c.address().hardBounced()
                    ? bounces.find(h, c.address().hardBounceId()) : Optional.empty();
            return new Check(c, bounce, quota, failing);
        });
    }

    private List<UnbounceRule> failingRules(Handle h, User user, ContactRow c, UnbounceQuota quota) {
        List<UnbounceRule> failing = new ArrayList<>();
        if (!user.may(Permission.UNBOUNCE)) {
            failing.add(UnbounceRule.PERMISSION);
        }
        if (sending.connectedDomainCount(h) == 0) {
            failing.add(UnbounceRule.NO_SENDING_DOMAIN);
        }
        AddressRow a = c.address();
        if (a.globalBounced()) {
            failing.add(UnbounceRule.GLOBAL_BOUNCE);
        } else if (!a.hardBounced()) {
            failing.add(UnbounceRule.NOT_BOUNCED);
        }
        if (unbounces.contactUnbouncedBefore(h, c.id())) {
            failing.add(UnbounceRule.ALREADY_UNBOUNCED);
        }
        if (c.purchasedList()) {
            failing.add(UnbounceRule.PURCHASED_LIST);
        }
        if (quota.exhausted()) {
            failing.add(UnbounceRule.QUOTA_EXHAUSTED);
        }
        return failing;
    }

    /**
     * Unbounces the contact's current address, or throws {@link UnbounceRefusedException} naming the
     * first rule that fails, having changed nothing.
     */
    public Unbounced unbounce(User user, long contactId, boolean confirmed) {
        if (!user.may(Permission.UNBOUNCE)) {
            throw new UnbounceRefusedException(UnbounceRule.PERMISSION);
        }
        return jdbi.inTransaction(h -> {
            // Another console may be unbouncing the same address right now: wait for it, then
            // check every rule on what it left.
            addresses.lock(h, contact(h, contactId).address().id());
            ContactRow c = contact(h, contactId);
            UnbounceQuota quota = quota(h);
            List<UnbounceRule> failing = failingRules(h, user, c, quota);
            failing.remove(UnbounceRule.QUOTA_EXHAUSTED); // decided atomically below
            if (!failing.isEmpty()) {
                throw new UnbounceRefusedException(failing.get(0));
            }
            if (!confirmed) {
                throw new UnbounceRefusedException(UnbounceRule.NOT_CONFIRMED);
            }
            if (!unbounces.takeQuotaUnit(h, quota.month(), quota.limit())) {
                throw new UnbounceRefusedException(UnbounceRule.QUOTA_EXHAUSTED, "All " + quota.limit()
                        + " unbounces of " + quota.month() + " are used; the quota renews next month.");
            }
            Instant now = clock.instant();
            AddressRow a = c.address();
            BounceRow bounce = bounces.find(h, a.hardBounceId()).orElseThrow();
            bounces.markUnbounced(h, bounce.id(), user.username(), now);
            addresses.setHardBounce(h, a.id(), null);
            unbounces.insert(h, c.id(), a.id(), bounce.id(), user.username(), quota.month(), now);
            statuses.refreshForAddress(h, a.id());
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("address", a.address());
            before.put("status", c.status().name());
            before.put("hardBounce", bounce.reason().code() + " " + nullToEmpty(bounce.smtpStatus()));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("address", a.address());
            after.put("status", contacts.find(h, c.id()).orElseThrow().status().name());
            after.put("hardBounce", null);
            after.put("quota", (quota.used() + 1) + "/" + quota.limit() + " " + quota.month());
            audit.record(h, user.username(), "UNBOUNCE", AuditSubject.contact(c.id(), a.address()), before, after);
            return new Unbounced(c.id(), a.address(), bounce, new UnbounceQuota(quota.month(), quota.limit(), quota.used() + 1));
        });
    }

    private ContactRow contact(Handle h, long id) {
        return contacts.find(h, id).orElseThrow(() -> new NotFoundException("No contact with id " + id + "."));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
