package io.bouncedesk.service;

import io.bouncedesk.domain.ContactStatus;
import io.bouncedesk.domain.EmailAddress;
import io.bouncedesk.persistence.NewContact;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Makes the demo's contacts and their addresses: names from the language lists, addresses in the
 * shapes people type (a few invalid), unique by key. {@link #start} makes them on a thread of
 * their own, a batch ahead of the transaction that inserts them, so making and inserting a
 * million overlap; the batches are the same, in the same order, as when made one after the other
 * from the same random sequence.
 */
final class DemoContactMaker {

    /** One batch: the addresses with the ids they get, and the contacts that have them. */
    record Batch(List<Map.Entry<Long, EmailAddress>> addresses, List<NewContact> contacts) {
    }

    /** ASCII forms of the names lists' names, worked out once each (a million contacts reuse a few hundred). */
    private static final Map<String, String> ASCII = new ConcurrentHashMap<>();
    private static final List<String> SOURCES = List.of("Website sign-up", "Checkout", "Webinar", "Newsletter pop-up");

    private final Random rng;
    private final Set<String> keys;

    /** {@code keys}: the address keys taken so far, added to as addresses are made. */
    DemoContactMaker(Random rng, Set<String> keys) {
        this.rng = rng;
        this.keys = keys;
    }

    /** {@code n} contacts whose addresses get the ids from {@code firstId} on. */
    Batch make(int n, boolean tradeFair, Instant createdFrom, long firstId) {
        List<Map.Entry<Long, EmailAddress>> newAddresses = new ArrayList<>(n);
        List<NewContact> newContacts = new ArrayList<>(n);
        long nextId = firstId;
        for (int i = 0; i < n; i++) {
            DemoNames.Language lang = DemoNames.LANGUAGES.get(rng.nextInt(DemoNames.LANGUAGES.size()));
            String first = pick(rng, lang.firstNames());
            String last = pick(rng, lang.lastNames());
            EmailAddress address = uniqueAddress(lang, first, last, tradeFair);
            long addressId = nextId++;
            newAddresses.add(Map.entry(addressId, address));
            double roll = rng.nextDouble();
            boolean purchased = !tradeFair && roll < 0.02;
            boolean confirmed = !(roll >= 0.02 && roll < 0.05);
            Instant created = createdFrom.plus(Duration.ofMinutes(rng.nextInt(60 * 24 * 20)));
            Instant unsub = roll >= 0.05 && roll < 0.08 ? created.plus(Duration.ofDays(1)) : null;
            Instant spam = roll >= 0.08 && roll < 0.082 ? created.plus(Duration.ofDays(1)) : null;
            String source = purchased ? "Purchased list: EuroLeads 2025"
                    : tradeFair ? "Trade fair Aarhus (paper forms)"
                    : pick(rng, SOURCES);
            String company = rng.nextInt(3) == 0 ? pick(rng, lang.companies()) : "";
            ContactStatus status = ContactStatus.derive(spam != null, unsub != null, false, confirmed);
            newContacts.add(new NewContact(first, last, company, source, purchased, addressId, confirmed, unsub, spam,
                    status, created));
        }
        return new Batch(newAddresses, newContacts);
    }

    /**
     * Starts making {@code count} contacts in batches of {@code batchSize} on a thread of its own,
     * address ids from {@code firstId} on; the caller takes the batches in order and closes the
     * run (which stops the thread if the caller gives up early). Until then the random sequence and
     * the keys belong to that thread.
     */
    Run start(int count, int batchSize, boolean tradeFair, Instant createdFrom, long firstId) {
        return new Run(count, batchSize, tradeFair, createdFrom, firstId);
    }

    /** Batches made ahead on their own thread. */
    final class Run implements AutoCloseable {

        private final BlockingQueue<Object> made = new ArrayBlockingQueue<>(2);
        private final Thread thread;

        private Run(int count, int batchSize, boolean tradeFair, Instant createdFrom, long firstId) {
            thread = new Thread(() -> {
                try {
                    for (int done = 0; done < count; ) {
                        int n = Math.min(batchSize, count - done);
                        made.put(make(n, tradeFair, createdFrom, firstId + done));
                        done += n;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the caller gave up
                } catch (RuntimeException | Error e) {
                    made.offer(e);
                }
            }, "demo-contacts");
            thread.setDaemon(true);
            thread.start();
        }

        /** The next batch; waits for it while checking {@code progress} for a cancel. */
        Batch next(Progress progress) {
            while (true) {
                progress.checkCancelled();
                Object o;
                try {
                    o = made.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
                if (o instanceof Batch b) {
                    return b;
                }
                if (o instanceof RuntimeException e) {
                    throw e;
                }
                if (o instanceof Error e) {
                    throw e;
                }
            }
        }

        /** Stops the thread if it is still making batches, and waits for it. */
        @Override
        public void close() {
            thread.interrupt();
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private EmailAddress uniqueAddress(DemoNames.Language lang, String first, String last, boolean tradeFair) {
        String f = ascii(first);
        String l = ascii(last);
        String domain = tradeFair && rng.nextDouble() < 0.3 ? pick(rng, SimulatedTransport.NONEXISTENT_DOMAINS) : pick(rng, lang.mailDomains());
        String local = switch (rng.nextInt(4)) {
            case 0 -> f + "." + l;
            case 1 -> f + l;
            case 2 -> f.charAt(0) + "." + l;
            default -> f + "_" + l;
        };
        double bad = rng.nextDouble();
        String raw = bad < 0.003 ? local + "@" + domain.substring(0, domain.indexOf('.'))
                : bad < 0.004 ? first + " " + last + "@" + domain
                : local + "@" + domain;
        EmailAddress address = EmailAddress.of(raw);
        while (!keys.add(address.key())) {
            address = EmailAddress.of(local + rng.nextInt(1000) + "@" + domain);
        }
        return address;
    }

    static <T> T pick(Random rng, List<T> list) {
        return list.get(rng.nextInt(list.size()));
    }

    private static String ascii(String s) {
        return ASCII.computeIfAbsent(s, DemoContactMaker::toAscii);
    }

    private static String toAscii(String s) {
        String decomposed = Normalizer.normalize(s.replace("ł", "l").replace("Ł", "L").replace("ø", "o")
                .replace("Ø", "O").replace("æ", "ae").replace("å", "a"), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
