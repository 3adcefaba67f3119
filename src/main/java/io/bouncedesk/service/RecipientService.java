package io.bouncedesk.service;

import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.domain.RecipientOutcome;
import io.bouncedesk.persistence.EmailDao;
import io.bouncedesk.persistence.EmailRow;
import io.bouncedesk.persistence.RecipientCounts;
import io.bouncedesk.persistence.RecipientDao;
import io.bouncedesk.persistence.RecipientListDao;
import io.bouncedesk.persistence.RecipientQuery;
import io.bouncedesk.persistence.RecipientRow;
import io.bouncedesk.persistence.SendingDomainRow;
import io.bouncedesk.persistence.SendingSetupDao;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The use cases of the Recipients view (domain rules, sections 3 and 9): tab counts, one page of a
 * tab at a time (searched and sorted by the database), a recipient's attempts and the cause of its
 * suppression, the email's details with the sending-domain check, and the details for a delivered
 * recipient's IT team. Reading needs no permission beyond signing in: every role may read.
 */
public final class RecipientService {

    /** The largest page a caller may ask for, so one request can never load a whole list. */
    public static final int MAX_PAGE = 1_000;

    private final Jdbi jdbi;
    private final RecipientListDao lists;
    private final RecipientDao recipients;
    private final EmailDao emails;
    private final SendingSetupDao sending;
    private final WorkspaceSettings settings;

    public RecipientService(Jdbi jdbi, RecipientListDao lists, RecipientDao recipients, EmailDao emails,
                            SendingSetupDao sending, WorkspaceSettings settings) {
        this.jdbi = jdbi;
        this.lists = lists;
        this.recipients = recipients;
        this.emails = emails;
        this.sending = sending;
        this.settings = settings;
    }

    /** The count of every tab of one email, from grouped indexed queries. */
    public RecipientCounts counts(long emailId) {
        return jdbi.withHandle(h -> recipients.counts(h, emailId));
    }

    /** How many recipients the query lists (its tab, bounce type and search). */
    public long count(RecipientQuery query) {
        return jdbi.withHandle(h -> lists.count(h, query));
    }

    /** A list's size and its first rows. */
    public record FirstPage(long count, List<RecipientListDao.Item> rows) {
    }

    /**
     * The size and the first {@code limit} rows of the query's list, as a list is opened: the count
     * runs on a connection of its own while the page is read, so the list shows after the slower
     * of the two rather than after both (a search's count and page each walk the matches).
     */
    public FirstPage firstPage(RecipientQuery query, int limit) {
        CompletableFuture<Long> count = CompletableFuture.supplyAsync(() -> count(query), COUNTING);
        List<RecipientListDao.Item> rows;
        try {
            rows = page(query, 0, limit);
        } catch (RuntimeException e) {
            count.cancel(false);
            throw e;
        }
        try {
            return new FirstPage(count.join(), rows);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** Threads for {@link #firstPage}'s counts: made when needed, gone a minute after, never holding the JVM open. */
    private static final ExecutorService COUNTING = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "recipient-count");
                t.setDaemon(true);
                return t;
            });

    /** Rows {@code offset .. offset+limit-1} of the query's list in its sort order. */
    public List<RecipientListDao.Item> page(RecipientQuery query, long offset, int limit) {
        checkPage(offset, limit);
        return jdbi.withHandle(h -> lists.page(h, query, offset, limit));
    }

    private static void checkPage(long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("A page is 1 to " + MAX_PAGE + " rows from a non-negative offset.");
        }
    }

    /** Rows between two signposts of a list in address or name order (see {@link Pages}). */
    static final int SIGNPOST_STEP = 1_024;
    /** Lists shorter than this skip to any row by OFFSET in a few milliseconds: no signposts read ahead. */
    static final int PREPARED_FROM = 16 * SIGNPOST_STEP;

    /** The pages of one list, read as the list is shown (scrolled, jumped in). */
    public Pages pages(RecipientQuery query) {
        return new Pages(query);
    }

    /**
     * Reads the pages of one list while it is on show. In an address or name order the first page
     * deep in the list also reads where every {@value #SIGNPOST_STEP}th row is (one walk of the
     * list's index, about three deep pages by OFFSET), unless {@link #prepare} read them ahead;
     * every later deep page starts at
     * the signpost before it, so jumping around a million recipients sorted by name costs what it
     * does in send order. Safe to use from several threads.
     */
    public final class Pages {

        private final RecipientQuery query;
        private volatile RecipientListDao.Signposts signposts;

        private Pages(RecipientQuery query) {
            this.query = query;
        }

        /** Rows {@code offset .. offset+limit-1} of the list in its sort order. */
        public List<RecipientListDao.Item> page(long offset, int limit) {
            checkPage(offset, limit);
            return jdbi.withHandle(h -> lists.page(h, query, offset, limit,
                    RecipientListDao.signposted(query) && offset >= SIGNPOST_STEP ? signposts(h) : null));
        }

        /**
         * Reads the signposts now, when the list is long enough ({@code rows}) in an order that has
         * them, so that not even the first jump deep into it waits for them; a view calls it in the
         * background as the list opens. Does nothing otherwise.
         */
        public void prepare(long rows) {
            if (RecipientListDao.signposted(query) && rows >= PREPARED_FROM) {
                jdbi.useHandle(this::signposts);
            }
        }

        private RecipientListDao.Signposts signposts(Handle h) {
            RecipientListDao.Signposts read = signposts;
            if (read == null) {
                synchronized (this) {
                    read = signposts;
                    if (read == null) {
                        read = lists.signposts(h, query, SIGNPOST_STEP);
                        signposts = read;
                    }
                }
            }
            return read;
        }
    }

    /** The recipient with its attempts and, for a Not sent row, what caused it. */
    public RecipientDetail detail(long recipientId) {
        return jdbi.withHandle(h -> {
            RecipientRow r = recipient(h, recipientId);
            EmailRow causeEmail = null;
            RecipientRow causeRecipient = null;
            if (r.outcome() == RecipientOutcome.NOT_SENT && r.notSentCauseEmailId() != null) {
                causeEmail = emails.find(h, r.notSentCauseEmailId()).orElse(null);
                causeRecipient = recipients.findOnEmail(h, r.notSentCauseEmailId(), EmailAddress.keyOf(r.address()))
                        .orElse(null);
            }
            // The latest bounce recorded for this recipient, for "View original" and "Reclassify".
            var bounce = h.createQuery("SELECT id, bounce_message_id IS NOT NULL AS kept FROM bounce"
                            + " WHERE address_id = :a AND recipient_id = :r ORDER BY occurred_at DESC, id DESC LIMIT 1")
                    .bind("a", r.addressId()).bind("r", recipientId)
                    .map((rs, ctx) -> new Object[] {rs.getLong("id"), rs.getBoolean("kept")}).findOne();
            return new RecipientDetail(r, recipients.attempts(h, recipientId), causeEmail, causeRecipient,
                    bounce.map(b -> (Long) b[0]).orElse(null), bounce.map(b -> (Boolean) b[1]).orElse(false));
        });
    }

    /** Subject, From and sending domain of an email, and whether the From domain is a connected sending domain. */
    public EmailDetails emailDetails(long emailId) {
        return jdbi.withHandle(h -> {
            EmailRow email = email(h, emailId);
            List<String> connected = sending.domains(h).stream().filter(SendingDomainRow::connected)
                    .map(SendingDomainRow::domain).toList();
            String fromDomain = EmailAddress.of(email.fromAddress()).domain();
            return new EmailDetails(email, fromDomain, connected, covered(fromDomain, connected));
        });
    }

    /**
     * Subject, From, delivery time (workspace time zone), Message-ID and the sending IPs, for the IT
     * team of a recipient who says a delivered email never arrived (section 9).
     */
    public ItTeamDetails itTeamDetails(long recipientId) {
        return jdbi.withHandle(h -> {
            RecipientRow r = recipient(h, recipientId);
            if (r.outcome() != RecipientOutcome.DELIVERED || r.deliveredAt() == null) {
                throw new IllegalStateException("Recipient " + r.address() + " was not delivered; there is nothing"
                        + " for its IT team to look for.");
            }
            EmailRow email = email(h, r.emailId());
            ZoneId zone = settings.timeZone(h);
            return new ItTeamDetails(r.address(), email.subject(), email.fromName(), email.fromAddress(),
                    r.deliveredAt().atZone(zone), r.messageId(), sending.ips(h));
        });
    }

    /** The workspace's time zone, in which the console shows times. */
    public ZoneId timeZone() {
        return settings.timeZone();
    }

    /** A From domain is covered by a connected domain it equals or is a subdomain of. */
    static boolean covered(String fromDomain, List<String> connected) {
        String from = fromDomain.toLowerCase(Locale.ROOT);
        return connected.stream().map(d -> d.toLowerCase(Locale.ROOT))
                .anyMatch(d -> from.equals(d) || from.endsWith("." + d));
    }

    private RecipientRow recipient(Handle h, long id) {
        return recipients.find(h, id).orElseThrow(() -> new NotFoundException("No recipient with id " + id + "."));
    }

    private EmailRow email(Handle h, long id) {
        return emails.find(h, id).orElseThrow(() -> new NotFoundException("No marketing email with id " + id + "."));
    }
}
