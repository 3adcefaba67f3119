package io.bouncedesk.service;

import io.bouncedesk.domain.BounceCategory;
import io.bouncedesk.domain.BounceReason;
import io.bouncedesk.domain.Role;
import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.AddressDao;
import io.bouncedesk.persistence.ContactDao;
import io.bouncedesk.persistence.DeferredIndexes;
import io.bouncedesk.persistence.Dialect;
import io.bouncedesk.persistence.GlobalBounceDao;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.SendingSetupDao;
import org.jdbi.v3.core.Jdbi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Builds a realistic demo workspace through the real rules: contacts in five languages with a
 * plausible mix of facts, the global bounce list, users and sending domains, then marketing emails
 * sent over the past months through {@link SendPlanner} and the simulated transport, with retries,
 * opens, clicks, unsubscribes and complaints, and a few unbounces. Same seed, same workspace.
 */
public final class DemoDataGenerator {

    /** What to build. */
    public record Plan(int contacts, int emails, long seed) {
        public Plan {
            if (contacts < 1) {
                throw new IllegalArgumentException("--contacts must be at least 1");
            }
            if (emails < 0) {
                throw new IllegalArgumentException("--emails must not be negative");
            }
        }
    }

    public static final String DEMO_PASSWORD = "demo";
    static final ZoneId DEMO_ZONE = ZoneId.of("Europe/Warsaw");
    private static final int BATCH = 5_000;
    /**
     * Indexes no step of the build reads: the Recipients view's sorts and searches, the Message-ID
     * lookup of imports, the contact list's name order. Those it reads (recipients by contact,
     * address or retry time, addresses by key) stay.
     */
    private static final List<String> DEFERRED_INDEXES = List.of("recipient_email_order", "recipient_email_outcome",
            "recipient_email_address", "recipient_email_name", "recipient_email_event", "recipient_message",
            "contact_name");

    private final Jdbi jdbi;
    private final AddressDao addresses;
    private final ContactDao contacts;
    private final RecipientDao recipients;
    private final SendingSetupDao sending;
    private final WorkspaceSettings settings;
    private final UserService users;
    private final SendPlanner planner;
    private final RetryProcessor retries;
    private final EngagementService engagement;
    private final GlobalBounceService globals;
    private final UnbounceService unbounce;
    private final SettableClock clock;

    public DemoDataGenerator(Jdbi jdbi, AddressDao addresses, ContactDao contacts, RecipientDao recipients,
                             SendingSetupDao sending, WorkspaceSettings settings, UserService users,
                             SendPlanner planner, RetryProcessor retries, EngagementService engagement,
                             GlobalBounceService globals, UnbounceService unbounce, SettableClock clock) {
        this.jdbi = jdbi;
        this.addresses = addresses;
        this.contacts = contacts;
        this.recipients = recipients;
        this.sending = sending;
        this.settings = settings;
        this.users = users;
        this.planner = planner;
        this.retries = retries;
        this.engagement = engagement;
        this.globals = globals;
        this.unbounce = unbounce;
        this.clock = clock;
    }

    /** Fills an empty workspace; refuses one that already has contacts or users. */
    public void generate(Plan plan, Progress progress) {
        boolean empty = jdbi.withHandle(h -> contacts.countAll(h) == 0 && !users.hasUsers());
        if (!empty) {
            throw new IllegalStateException("The workspace already holds data; demo data goes into a new workspace.");
        }
        Random rng = new Random(plan.seed());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        settings.setTimeZone(DEMO_ZONE);
        settings.setTransportSeed(plan.seed());
        clock.set(now.minus(Duration.ofDays(200)));
        User admin = users.createFirstAdmin("admin", "Alex Admin", DEMO_PASSWORD.toCharArray());
        User marketer = users.create(admin, "marketer", "Maja Marketing", Role.MARKETING_EMAIL, DEMO_PASSWORD.toCharArray());
        users.create(admin, "support", "Sam Support", Role.VIEWER, DEMO_PASSWORD.toCharArray());
        jdbi.useTransaction(h -> {
            sending.addDomain(h, "mail.nordlys-outdoor.eu", true, "PASS", "PASS", "PASS");
            sending.addDomain(h, "nordlys-promo.com", false, "PASS", "MISSING", "MISSING");
            sending.addIp(h, "192.0.2.10", "Dedicated IP 1");
            sending.addIp(h, "192.0.2.11", "Dedicated IP 2");
        });

        // the list indexes are built once after the contacts and sends instead of row by row
        try (DeferredIndexes deferred = DeferredIndexes.defer(jdbi, DEFERRED_INDEXES)) {
            contactsAndSends(plan, rng, now, marketer, progress);
        }
        clock.set(now);
        unbounceSome(admin, 3);
        jdbi.useHandle(h -> Dialect.of(h).afterBulkLoad(h));
        progress.update(total(plan), total(plan));
    }

    private static long total(Plan plan) {
        return plan.contacts() + (long) plan.emails() * plan.contacts();
    }

    private void contactsAndSends(Plan plan, Random rng, Instant now, User marketer, Progress progress) {
        int cohort = plan.emails() >= 2 ? Math.max(1, plan.contacts() / 10) : 0;
        int firstWave = plan.contacts() - cohort;
        long total = total(plan);
        Set<String> keys = new HashSet<>();
        insertContacts(rng, firstWave, keys, false, now.minus(Duration.ofDays(200)), progress, 0, total);
        addGlobalBounces(rng);

        List<Instant> sendTimes = sendTimes(now, plan.emails());
        long done = plan.contacts() - cohort;
        for (int i = 0; i < plan.emails(); i++) {
            progress.checkCancelled();
            if (i == plan.emails() / 2 && cohort > 0) {
                insertContacts(rng, cohort, keys, true, sendTimes.get(i).minus(Duration.ofDays(2)), progress, done, total);
                done += cohort;
            }
            clock.set(sendTimes.get(i));
            String[] email = DemoNames.EMAILS.get(i % DemoNames.EMAILS.size());
            String name = email[0] + (i >= DemoNames.EMAILS.size() ? " " + (i / DemoNames.EMAILS.size() + 1) : "");
            long base = done;
            SendReport report = planner.send(marketer, new EmailDraft(name, email[1], "Nordlys Outdoor",
                    "news@mail.nordlys-outdoor.eu"), Audience.all(), new Progress() {
                @Override
                public void update(long d, long t) {
                    progress.update(base + d, total);
                }

                @Override
                public boolean isCancelled() {
                    return progress.isCancelled();
                }
            });
            done += plan.contacts();
            engage(rng, report.emailId(), sendTimes.get(i), now, email[0].startsWith("Black Week") ? 0.002 : 0.0004);
            Instant until = i + 1 < plan.emails() ? sendTimes.get(i + 1) : now;
            clock.set(until);
            retries.processDue(until);
        }
    }

    private static List<Instant> sendTimes(Instant now, int emails) {
        List<Instant> times = new ArrayList<>();
        Instant last = now.minus(Duration.ofHours(20));
        long spacingHours = emails <= 1 ? 0 : Math.min(14 * 24, 170L * 24 / (emails - 1));
        for (int i = 0; i < emails; i++) {
            times.add(last.minus(Duration.ofHours(spacingHours * (emails - 1 - i))));
        }
        return times;
    }

    /**
     * One transaction for all of them: each batch inserts keys all over the address and name
     * indexes, and a commit per batch wrote (and checkpointed) most of those index pages again
     * every time; a million contacts spent longer committing than inserting. The contacts are
     * made on another thread a batch ahead of their insert ({@link DemoContactMaker#start}).
     */
    private void insertContacts(Random rng, int count, Set<String> keys, boolean tradeFair, Instant createdFrom,
                                Progress progress, long doneBefore, long total) {
        jdbi.useTransaction(h -> {
            // the transaction holds the address table (see Dialect#reserveIds): these ids stay free
            long firstId = addresses.nextId(h);
            try (DemoContactMaker.Run made = new DemoContactMaker(rng, keys)
                    .start(count, BATCH, tradeFair, createdFrom, firstId)) {
                int inserted = 0;
                while (inserted < count) {
                    DemoContactMaker.Batch batch = made.next(progress);
                    addresses.insertBatch(h, batch.addresses());
                    contacts.insertBatch(h, batch.contacts());
                    inserted += batch.contacts().size();
                    progress.update(doneBefore + inserted, total);
                }
            }
        });
    }

    private void addGlobalBounces(Random rng) {
        jdbi.useTransaction(h -> {
            List<String> keys = h.createQuery("SELECT address_key FROM email_address WHERE valid = TRUE ORDER BY id")
                    .mapTo(String.class).list();
            List<GlobalBounceDao.Entry> entries = new ArrayList<>();
            for (String key : keys) {
                if (rng.nextDouble() < 0.006) {
                    double r = rng.nextDouble();
                    BounceReason reason = r < 0.6 ? BounceReason.USERUNKNOWN
                            : r < 0.85 ? BounceReason.MAILBOXFULL : BounceReason.HOSTUNKNOWN;
                    BounceCategory category = reason.category();
                    entries.add(new GlobalBounceDao.Entry(key, category, reason,
                            clock.instant().minus(Duration.ofDays(1 + rng.nextInt(50)))));
                }
            }
            globals.apply(h, entries);
        });
    }

    /** Opens, clicks, unsubscribes and complaints on the delivered recipients of one email. */
    private void engage(Random rng, long emailId, Instant sentAt, Instant now, double spamRate) {
        jdbi.useTransaction(h -> {
            List<long[]> delivered = h.createQuery("SELECT id, contact_id FROM recipient WHERE email_id = :e"
                    + " AND outcome = 'DELIVERED' ORDER BY id").bind("e", emailId)
                    .map((rs, ctx) -> new long[] {rs.getLong("id"), rs.getLong("contact_id")})
                    .list();
            try (EngagementService.Batch batch = engagement.batch(h)) {
                for (long[] r : delivered) {
                    double roll = rng.nextDouble();
                    Instant at = sentAt.plus(Duration.ofMinutes(5 + rng.nextInt(60 * 72)));
                    if (at.isAfter(now)) {
                        continue;
                    }
                    if (roll < spamRate) {
                        batch.record(r[0], r[1], RecipientDao.Engagement.SPAM, at);
                    } else if (roll < spamRate + 0.003) {
                        batch.record(r[0], r[1], RecipientDao.Engagement.UNSUBSCRIBED, at);
                    } else if (roll < 0.05) {
                        batch.record(r[0], r[1], RecipientDao.Engagement.CLICKED, at);
                    } else if (roll < 0.27) {
                        batch.record(r[0], r[1], RecipientDao.Engagement.OPENED, at);
                    }
                }
            }
        });
    }

    private void unbounceSome(User admin, int count) {
        List<Long> candidates = jdbi.withHandle(h -> h.createQuery("SELECT c.id FROM contact c"
                        + " JOIN email_address a ON a.id = c.address_id WHERE a.hard_bounce_id IS NOT NULL"
                        + " AND a.global_bounced = FALSE AND c.purchased_list = FALSE ORDER BY c.id LIMIT :n")
                .bind("n", count).mapTo(Long.class).list());
        for (long id : candidates) {
            unbounce.unbounce(admin, id, true);
        }
    }
}
