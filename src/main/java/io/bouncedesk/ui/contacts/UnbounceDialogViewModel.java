package io.bouncedesk.ui.contacts;

import io.bouncedesk.domain.User;
import io.bouncedesk.persistence.BounceRow;
import io.bouncedesk.service.UnbounceQuota;
import io.bouncedesk.service.UnbounceRefusedException;
import io.bouncedesk.service.UnbounceRule;
import io.bouncedesk.service.UnbounceService;
import io.bouncedesk.ui.common.BackgroundTasks;
import io.bouncedesk.ui.common.Formats;
import io.bouncedesk.ui.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.List;
import java.util.function.Consumer;

/**
 * The unbounce dialog (section 7): the bounce, the month's quota, the checklist, the rules that
 * fail now, and the confirmation tick. The button is enabled only when the box is ticked and every
 * rule holds; the service checks every rule again in one transaction when it is pressed, and a
 * refusal (another admin took the last unit of quota meanwhile) is said here, with nothing changed.
 */
public final class UnbounceDialogViewModel {

    /** One line of the checklist; {@code failed} lines name a rule that does not hold now. */
    public record ChecklistLine(String text, boolean failed) {
    }

    private final User user;
    private final UnbounceService service;
    private final BackgroundTasks tasks;
    private final Messages m;
    private final Formats f;
    private final Consumer<UnbounceService.Unbounced> onDone;
    private final Runnable onClose;
    private final long contactId;

    private final ReadOnlyObjectWrapper<UnbounceService.Check> check = new ReadOnlyObjectWrapper<>(this, "check");
    private final BooleanProperty confirmed = new SimpleBooleanProperty(this, "confirmed");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyStringWrapper quota = new ReadOnlyStringWrapper(this, "quota", "");
    private final BooleanBinding canUnbounce;

    public UnbounceDialogViewModel(UnbounceService.Check first, User user, UnbounceService service,
                                   BackgroundTasks tasks, Messages messages, Formats formats,
                                   Consumer<UnbounceService.Unbounced> onDone, Runnable onClose) {
        this.user = user;
        this.service = service;
        this.tasks = tasks;
        this.m = messages;
        this.f = formats;
        this.onDone = onDone;
        this.onClose = onClose;
        this.contactId = first.contact().id();
        setCheck(first);
        canUnbounce = Bindings.createBooleanBinding(() -> confirmed.get() && !busy.get()
                && check.get().allowed(), confirmed, busy, check);
    }

    private void setCheck(UnbounceService.Check c) {
        check.set(c);
        quota.set(quotaText(m, c.quota()));
    }

    /** "4 of 24 unbounces used this month". */
    static String quotaText(Messages m, UnbounceQuota q) {
        return m.format("unbounce.quota", q.used(), q.limit());
    }

    /** Presses "Unbounce this contact". */
    public void unbounce() {
        if (!canUnbounce.get()) {
            return;
        }
        busy.set(true);
        error.set("");
        tasks.run(() -> service.unbounce(user, contactId, confirmed.get()), done -> {
            busy.set(false);
            onDone.accept(done);
        }, t -> {
            busy.set(false);
            if (t instanceof UnbounceRefusedException refused) {
                error.set(m.get(refused.rule() == UnbounceRule.QUOTA_EXHAUSTED ? "unbounce.refused.quotaTaken"
                        : "unbounce.refused.changed") + " " + m.of("unbounce.rule", refused.rule()));
            } else {
                error.set(m.format("error.unexpected", String.valueOf(t.getMessage())));
            }
            // Show what holds now: the quota figure and the rules that fail.
            tasks.run(() -> service.check(user, contactId), this::setCheck, x -> { });
        });
    }

    public void cancel() {
        onClose.run();
    }

    /** The bounce being removed: category, reason, SMTP status, date and the email that caused it. */
    public List<String[]> bounceFacts() {
        BounceRow b = check.get().bounce().orElse(null);
        if (b == null) {
            return List.of();
        }
        String smtp = ((b.replyCode() == null ? "" : b.replyCode()) + " "
                + (b.smtpStatus() == null ? "" : b.smtpStatus())).strip();
        return List.of(
                new String[] {m.get("unbounce.fact.address"), b.address()},
                new String[] {m.get("unbounce.fact.category"), m.of("category", b.category())},
                new String[] {m.get("unbounce.fact.reason"), b.reason().code()
                        + (b.diagnostic() == null || b.diagnostic().isBlank() ? "" : " — " + b.diagnostic())},
                new String[] {m.get("unbounce.fact.smtp"), smtp.isEmpty() ? "—" : smtp},
                new String[] {m.get("unbounce.fact.date"), f.dateTime(b.occurredAt())},
                new String[] {m.get("unbounce.fact.email"), b.emailName() == null ? "—" : b.emailName()});
    }

    /** The checklist of section 7, then every other rule that fails now. */
    public List<ChecklistLine> checklist() {
        List<UnbounceRule> failing = check.get().failing();
        List<ChecklistLine> lines = new java.util.ArrayList<>();
        lines.add(new ChecklistLine(m.get("unbounce.check.domain"), failing.contains(UnbounceRule.NO_SENDING_DOMAIN)));
        lines.add(new ChecklistLine(m.get("unbounce.check.confirmedByContact"), false));
        lines.add(new ChecklistLine(m.get("unbounce.check.problemResolved"), false));
        failing.stream().filter(r -> r != UnbounceRule.NO_SENDING_DOMAIN)
                .forEach(r -> lines.add(new ChecklistLine(m.of("unbounce.rule", r), true)));
        return lines;
    }

    public ReadOnlyObjectProperty<UnbounceService.Check> checkProperty() {
        return check.getReadOnlyProperty();
    }

    /** The tick "I confirm that this email address is correct". */
    public BooleanProperty confirmedProperty() {
        return confirmed;
    }

    public BooleanBinding canUnbounceProperty() {
        return canUnbounce;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Why the last press changed nothing, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty quotaProperty() {
        return quota.getReadOnlyProperty();
    }
}
